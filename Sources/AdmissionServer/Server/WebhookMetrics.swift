import Prometheus

/// The webhook's metrics under controller-runtime's names, so its dashboards and alerts work:
/// `controller_runtime_webhook_latency_seconds{webhook}`,
/// `controller_runtime_webhook_requests_total{webhook,code}` and
/// `controller_runtime_webhook_requests_in_flight{webhook}`; `webhook` is the request path.
public final class WebhookMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    /// Registers the series of `paths` in `registry` (zeros, not gaps, on dashboards).
    public init(registry: PrometheusCollectorRegistry, paths: [String] = WebhookRoute.allCases.map(\.path)) {
        self.registry = registry
        for path in paths {
            _ = latency(path)
            _ = inFlight(path)
            _ = requests(path, code: 200)
        }
    }

    /// A request to `path` started.
    func started(_ path: String) { inFlight(path).increment() }

    /// A request to `path` ended with `code` after `duration`.
    func finished(_ path: String, code: Int, duration: Duration) {
        inFlight(path).decrement()
        requests(path, code: code).increment()
        latency(path).record(duration)
    }

    private func latency(_ path: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "controller_runtime_webhook_latency", unitName: "seconds",
                                             helpText: "Histogram of the latency of processing admission requests"),
            labels: [("webhook", path)],
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10)])
    }

    private func requests(_ path: String, code: Int) -> Counter {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(metricName: "controller_runtime_webhook_requests", unitName: "total",
                                             helpText: "Total number of admission requests by HTTP status code."),
            labels: [("code", String(code)), ("webhook", path)])
    }

    private func inFlight(_ path: String) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(metricName: "controller_runtime_webhook_requests_in_flight", unitName: "",
                                             helpText: "Current number of admission requests being served."),
            labels: [("webhook", path)])
    }
}
