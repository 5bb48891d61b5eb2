import Foundation
import KubeModel

/// The latency objective reads the histogram's bucket at its threshold, which must exist.
enum LatencyBuckets {
    /// The bucket bounds (seconds) OpenTelemetry SDKs use by default for `http.server.request.duration`.
    static let openTelemetryDefaults: [Decimal] = ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1",
                                                   "2.5", "5", "7.5", "10"].compactMap { Decimal(string: $0) }

    /// A warning when the threshold is not one of the OpenTelemetry default bounds (the
    /// histogram then needs a view with that bound, or the latency ratio is always 1).
    static func warnings(_ context: RenderContext) -> [RenderWarning] {
        guard let latency = context.spec.slo?.latency, context.spec.slo?.metrics?.durationHistogram == nil else { return [] }
        let seconds = Decimal(latency.thresholdMs) / 1000
        guard !openTelemetryDefaults.contains(seconds) else { return [] }
        let bounds = openTelemetryDefaults.map { "\(($0 * 1000))" }.joined(separator: ", ")
        return [context.warning(at: RenderContext.specPath.key("slo").key("latency").key("thresholdMs"),
                                "\(latency.thresholdMs)ms is not a bucket bound of OpenTelemetry's default histogram (\(bounds) ms): "
                                + "configure a view with a \(seconds)s bound, or every request counts as slow")]
    }
}
