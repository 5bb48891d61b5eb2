import KubeModel
import ShipshapeAPI

/// `observability.metrics` as a Prometheus Operator ServiceMonitor named after the Microservice:
/// its Service (by the selector labels), the metrics port by name, the path and the interval.
enum ServiceMonitorRendering {
    static func spec(_ context: RenderContext) -> JSONValue? {
        guard let metrics = context.spec.observability?.metrics, !(context.spec.ports ?? []).isEmpty else { return nil }
        var endpoint: JSONObject = ["port": .string(metrics.port), "path": .string(metrics.path ?? Defaults.metricsPath)]
        if let interval = metrics.interval { endpoint["interval"] = .string(interval) }
        return [
            "selector": ["matchLabels": .object(JSONObject(context.selector.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))],
            "endpoints": [.object(endpoint)],
        ]
    }
}
