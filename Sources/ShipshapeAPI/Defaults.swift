/// Values Shipshape uses where a Microservice leaves a field unset. The CRD's schema defaults and
/// the renderer read the same constants.
public enum Defaults {
    public static let replicas = 2
    public static let minReplicas = 2
    public static let cpuUtilization = 80
    public static let gracePeriodSeconds = 30
    public static let preStopSleepSeconds = 5
    public static let userID = 10001
    public static let sampleRatio = 0.1
    public static let metricsPath = "/metrics"
    public static let probePath = "/"
    /// OpenTelemetry's `http.server.request.duration` (seconds) as the Prometheus exporter names it.
    public static let requestDurationHistogram = "http_server_request_duration_seconds"
    /// OpenTelemetry's `http.response.status_code` as a Prometheus label.
    public static let statusCodeLabel = "http_response_status_code"
    public static let sloWindow = "30d"
    /// Status codes that count against availability: server errors.
    public static let errorStatus = "5.."
}
