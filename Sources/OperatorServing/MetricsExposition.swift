/// Metrics that can be written in the Prometheus text exposition format, as `/metrics` serves them.
public protocol MetricsExposition: Sendable {
    /// Every series, as Prometheus text.
    func exposition() -> String
}
