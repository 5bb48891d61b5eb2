import KubeModel

/// Metrics and tracing.
public struct Observability: Codable, Sendable, Hashable {
    public var metrics: MetricsEndpoint?
    public var tracing: Tracing?

    public enum CodingKeys: String, CodingKey, CaseIterable { case metrics, tracing }

    public init(metrics: MetricsEndpoint? = nil, tracing: Tracing? = nil) {
        self.metrics = metrics
        self.tracing = tracing
    }

    static let schema = Schema.object(
        "Metrics scraping and distributed tracing.", keys: CodingKeys.self,
        [.metrics: MetricsEndpoint.schema, .tracing: Tracing.schema])
}

/// Where Prometheus scrapes metrics.
public struct MetricsEndpoint: Codable, Sendable, Hashable {
    public var port: String
    public var path: String?
    public var interval: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case port, path, interval }

    public init(port: String, path: String? = nil, interval: String? = nil) {
        self.port = port
        self.path = path
        self.interval = interval
    }

    static let schema = Schema.object(
        "A Prometheus metrics endpoint; rendered as scrape annotations, and as a ServiceMonitor where the Prometheus Operator is installed.",
        keys: CodingKeys.self, required: [.port],
        [
            .port: .string("Name of a declared port serving metrics.", format: .portName),
            .path: .string("Metrics path (default /metrics).", format: .absolutePath, default: "/metrics"),
            .interval: .string("Scrape interval of the ServiceMonitor, such as 30s or 1m (default: Prometheus's own).",
                               format: .scrapeInterval),
        ])
}

/// OpenTelemetry tracing, configured through the standard OTEL_* environment variables.
public struct Tracing: Codable, Sendable, Hashable {
    public var endpoint: String
    public var sampleRatio: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable { case endpoint, sampleRatio }

    public init(endpoint: String, sampleRatio: Double? = nil) {
        self.endpoint = endpoint
        self.sampleRatio = sampleRatio
    }

    static let schema = Schema.object(
        "OpenTelemetry tracing: sets OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT and a parent-based ratio sampler.",
        keys: CodingKeys.self, required: [.endpoint],
        [
            .endpoint: .string("OTLP collector endpoint, such as http://otel-collector.observability:4317.", format: .url),
            .sampleRatio: .number("Fraction of root traces sampled, 0 to 1 (default \(Defaults.sampleRatio)).", min: 0, max: 1),
        ])
}
