import Foundation
import ShipshapeAPI

/// One objective of `spec.slo` as PromQL: the error ratio of its requests (5xx answers for
/// availability, answers slower than the threshold for latency) over a window.
struct ServiceLevelIndicator: Sendable {
    enum Kind: String, Sendable { case availability, latency }

    let kind: Kind
    /// The objective in percent, such as 99.9.
    let objective: Decimal
    let windowDays: Int
    let thresholdMs: Int?
    let histogram: String
    let statusCodeLabel: String
    let errorStatus: String
    /// Label matchers selecting the service's series, sorted by label name.
    let selector: [(name: String, value: String)]

    /// The objectives `spec.slo` declares, availability first.
    static func all(in context: RenderContext) -> [ServiceLevelIndicator] {
        guard let slo = context.spec.slo else { return [] }
        let metrics = slo.metrics
        let selector = (metrics?.selector ?? ["namespace": context.namespace, "job": context.name])
            .sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        func make(_ kind: Kind, _ objective: Double, _ window: String?, _ thresholdMs: Int?) -> ServiceLevelIndicator {
            ServiceLevelIndicator(
                kind: kind, objective: Decimal(string: "\(objective)") ?? Decimal(objective),
                windowDays: Int((window ?? Defaults.sloWindow).dropLast()) ?? 30, thresholdMs: thresholdMs,
                histogram: metrics?.durationHistogram ?? Defaults.requestDurationHistogram,
                statusCodeLabel: metrics?.statusCodeLabel ?? Defaults.statusCodeLabel,
                errorStatus: metrics?.errorStatus ?? Defaults.errorStatus, selector: selector)
        }
        var indicators: [ServiceLevelIndicator] = []
        if let availability = slo.availability {
            indicators.append(make(.availability, availability.objective, availability.window, nil))
        }
        if let latency = slo.latency {
            indicators.append(make(.latency, latency.objective, latency.window, latency.thresholdMs))
        }
        return indicators
    }

    /// The error budget as a ratio: 0.001 for 99.9.
    var budget: Decimal { (100 - objective) / 100 }
    var window: String { "\(windowDays)d" }

    /// The recording rule holding the error ratio over `window`.
    static func recordName(_ window: PromDuration) -> String { "slo:sli_error:ratio_rate\(window.text)" }

    /// The labels every recorded series and alert of this objective carries.
    func labels(service: String, namespace: String) -> [(String, String)] {
        [("namespace", namespace), ("service", service), ("slo", kind.rawValue)]
    }

    /// The share of bad requests over `window`.
    func errorRatio(over window: PromDuration) -> String {
        let total = "sum(rate(\(histogram)_count\(matchers())[\(window.text)]))"
        switch kind {
        case .availability:
            return "sum(rate(\(histogram)_count\(matchers(extra: "\(statusCodeLabel)=~\"\(Self.escaped(errorStatus))\""))[\(window.text)])) / \(total)"
        case .latency:
            return "1 - (sum(rate(\(histogram)_bucket\(matchers(extra: leMatcher))[\(window.text)])) / \(total))"
        }
    }

    /// `{job="a",namespace="b"}` plus `extra`.
    private func matchers(extra: String? = nil) -> String {
        let all = selector.map { "\($0.name)=\"\(Self.escaped($0.value))\"" } + (extra.map { [$0] } ?? [])
        return "{" + all.joined(separator: ",") + "}"
    }

    /// The bucket at the threshold. Prometheus 3 writes whole-second bounds as `1.0` where
    /// older exporters wrote `1`, so an integral bound matches both.
    private var leMatcher: String {
        let seconds = Decimal(thresholdMs ?? 0) / 1000
        let text = "\(seconds)"
        return text.contains(".") ? "le=\"\(text)\"" : "le=~\"\(text)(\\\\.0)?\""
    }

    /// The threshold in seconds, as the histogram's `le` label writes it.
    var thresholdSeconds: String { "\(Decimal(thresholdMs ?? 0) / 1000)" }

    /// `value` as a PromQL double-quoted string's content.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// What counts as an error, for people.
    var errorDescription: String {
        switch kind {
        case .availability: return "requests answered with a \(statusCodeLabel) matching \(errorStatus)"
        case .latency: return "requests slower than \(thresholdMs ?? 0)ms"
        }
    }
}
