import KubeModel

/// Service level objectives over the service's HTTP request metrics, rendered as a
/// Prometheus Operator PrometheusRule (recording rules and multi-window multi-burn-rate alerts).
public struct ServiceLevel: Codable, Sendable, Hashable {
    public var availability: AvailabilityObjective?
    public var latency: LatencyObjective?
    public var metrics: RequestMetrics?

    public enum CodingKeys: String, CodingKey, CaseIterable { case availability, latency, metrics }

    public init(availability: AvailabilityObjective? = nil, latency: LatencyObjective? = nil, metrics: RequestMetrics? = nil) {
        self.availability = availability
        self.latency = latency
        self.metrics = metrics
    }

    static let schema = Schema.object(
        "Service level objectives, rendered as a monitoring.coreos.com/v1 PrometheusRule where the Prometheus Operator is installed: error-ratio recording rules and multi-window multi-burn-rate alerts (page and ticket).",
        keys: CodingKeys.self,
        rules: [CrossFieldRule(cel: "has(self.availability) || has(self.latency)", message: "set availability, latency or both")],
        [
            .availability: AvailabilityObjective.schema,
            .latency: LatencyObjective.schema,
            .metrics: RequestMetrics.schema,
        ])
}

/// The share of requests that must not fail with a server error.
public struct AvailabilityObjective: Codable, Sendable, Hashable {
    public var objective: Double
    public var window: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case objective, window }

    public init(objective: Double, window: String? = nil) {
        self.objective = objective
        self.window = window
    }

    static let schema = Schema.object(
        "Availability: the percentage of requests answered without a 5xx status over the window.",
        keys: CodingKeys.self, required: [.objective],
        [
            .objective: ServiceLevel.objectiveSchema,
            .window: ServiceLevel.windowSchema,
        ])
}

/// The share of requests that must be answered faster than a threshold.
public struct LatencyObjective: Codable, Sendable, Hashable {
    public var objective: Double
    public var thresholdMs: Int
    public var window: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case objective, thresholdMs, window }

    public init(objective: Double, thresholdMs: Int, window: String? = nil) {
        self.objective = objective
        self.thresholdMs = thresholdMs
        self.window = window
    }

    static let schema = Schema.object(
        "Latency: the percentage of requests answered within thresholdMs over the window.",
        keys: CodingKeys.self, required: [.objective, .thresholdMs],
        [
            .objective: ServiceLevel.objectiveSchema,
            .thresholdMs: .integer("The threshold in milliseconds; the duration histogram needs a bucket boundary at exactly this value.",
                                   min: 1, max: 600_000),
            .window: ServiceLevel.windowSchema,
        ])
}

/// Where the request metrics come from. Defaults follow the OpenTelemetry HTTP semantic
/// conventions as the Prometheus exporter names them.
public struct RequestMetrics: Codable, Sendable, Hashable {
    public var durationHistogram: String?
    public var statusCodeLabel: String?
    public var errorStatus: String?
    public var selector: [String: String]?

    public enum CodingKeys: String, CodingKey, CaseIterable { case durationHistogram, statusCodeLabel, errorStatus, selector }

    public init(durationHistogram: String? = nil, statusCodeLabel: String? = nil, errorStatus: String? = nil,
                selector: [String: String]? = nil) {
        self.durationHistogram = durationHistogram
        self.statusCodeLabel = statusCodeLabel
        self.errorStatus = errorStatus
        self.selector = selector
    }

    static let schema = Schema.object(
        "The request duration histogram the objectives are computed from.", keys: CodingKeys.self,
        [
            .durationHistogram: .string(
                "Histogram of server request durations (in seconds for a latency objective), without the _bucket/_count suffix (default \(Defaults.requestDurationHistogram), OpenTelemetry's http.server.request.duration).",
                format: .metricName, default: Defaults.requestDurationHistogram),
            .statusCodeLabel: .string(
                "Label holding the HTTP response status code (default \(Defaults.statusCodeLabel), OpenTelemetry's http.response.status_code).",
                format: .labelName, default: Defaults.statusCodeLabel),
            .errorStatus: .string(
                "Regular expression (RE2, anchored) matching the status values that count against availability (default \(Defaults.errorStatus): server errors). For gRPC, such as 2|4|13|14|15.",
                maxLength: 256, default: Defaults.errorStatus),
            .selector: .map(
                "Labels selecting this service's series (default: namespace and job, as a ServiceMonitor sets them: job is the Service's name).",
                of: .string("A label value.")),
        ])
}

extension ServiceLevel {
    static let objectiveSchema = Schema.number(
        "Target percentage of good requests, such as 99.9 (the error budget is the rest).", min: 50, max: 99.999)
    static let windowSchema = Schema.string(
        "Compliance window in days, 7d to 90d (default \(Defaults.sloWindow)); burn rates scale with it.",
        format: .sloWindow, default: Defaults.sloWindow)
}
