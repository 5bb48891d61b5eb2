import OperatorRuntime
import Prometheus
import Synchronization

/// The operator's metrics, under controller-runtime's names so existing dashboards and alerts
/// work, plus a few low-cardinality `shipshape_*` series. Served as Prometheus text.
public final class OperatorMetrics: Sendable {
    /// How a reconcile ended, as controller-runtime labels it.
    public typealias Result = ReconcileResult

    public let registry: PrometheusCollectorRegistry
    private let controller: String
    private let reconcileErrors: Counter
    private let reconcileTime: DurationHistogram
    private let queueDepth: Gauge
    private let queueAdds: Counter
    private let queueRetries: Counter
    private let leaderStatus: Gauge
    private let outcomes = Mutex(OutcomeTally())

    private struct OutcomeTally {
        var byKey: [String: ChecklistOutcome] = [:]
        var counts: [ChecklistOutcome: Int] = [:]
    }

    public init(controller: String = "microservice", registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.controller = controller
        let byController = [("controller", controller)]
        let byName = [("name", controller)]
        reconcileErrors = registry.makeCounter(
            descriptor: Self.name("controller_runtime_reconcile_errors", "total", "Reconciles that ended in an error."),
            labels: byController)
        reconcileTime = registry.makeDurationHistogram(
            descriptor: Self.name("controller_runtime_reconcile_time", "seconds", "How long reconciles take."),
            labels: byController,
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10)])
        queueDepth = registry.makeGauge(descriptor: Self.name("workqueue_depth", "", "Keys waiting in the work queue."), labels: byName)
        queueAdds = registry.makeCounter(descriptor: Self.name("workqueue_adds", "total", "Keys added to the work queue."), labels: byName)
        queueRetries = registry.makeCounter(
            descriptor: Self.name("workqueue_retries", "total", "Keys re-queued after a failure."), labels: byName)
        leaderStatus = registry.makeGauge(
            descriptor: Self.name("leader_election_master_status", "", "1 while this replica leads, 0 otherwise."), labels: byName)
        for result in Result.allCases { _ = reconcileTotal(result) }  // zeros, not gaps, on dashboards
        for outcome in ChecklistOutcome.allCases { microservicesGauge(outcome).set(0.0) }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    private func reconcileTotal(_ result: Result) -> Counter {
        registry.makeCounter(
            descriptor: Self.name("controller_runtime_reconcile", "total", "Reconciles by result."),
            labels: [("controller", controller), ("result", result.rawValue)])
    }

    /// Records one reconcile: its result and how long it took.
    public func reconciled(_ result: Result, duration: Duration) {
        reconcileTotal(result).increment()
        if result == .error { reconcileErrors.increment() }
        reconcileTime.record(duration)
    }

    /// A key was added to the work queue (`retry` for a re-queue after failure).
    public func queued(retry: Bool = false) {
        queueAdds.increment()
        if retry { queueRetries.increment() }
    }

    /// The work queue's current depth.
    public func queueDepth(_ depth: Int) { queueDepth.set(Double(depth)) }

    /// Counts one API request by status code and method (`rest_client_requests_total`); code 0
    /// for a request that got no answer.
    public func apiRequest(method: String, code: Int) {
        registry.makeCounter(
            descriptor: Self.name("rest_client_requests", "total", "API requests by status code and method."),
            labels: [("code", code == 0 ? "<error>" : String(code)), ("method", method)]
        ).increment()
    }

    /// 1 while this replica leads (`leader_election_master_status`).
    public func leading(_ isLeader: Bool) { leaderStatus.set(isLeader ? 1.0 : 0.0) }

    /// Counts a child applied or deleted, by kind (`shipshape_child_writes_total`).
    public func childWrite(kind: String, operation: String) {
        registry.makeCounter(
            descriptor: Self.name("shipshape_child_writes", "total", "Children applied or deleted, by kind."),
            labels: [("kind", kind), ("operation", operation)]
        ).increment()
    }

    /// A Microservice's checklist outcome, for `shipshape_microservices{checklist}`.
    public enum ChecklistOutcome: String, Sendable, CaseIterable {
        /// No error findings (exempted ones aside).
        case passed
        /// Error findings, applied anyway (mode warn).
        case failed
        /// Error findings kept the spec from being applied (mode enforce), or the spec is invalid.
        case blocked
    }

    /// Records `key`'s latest outcome (nil: the Microservice is gone) and updates the gauges
    /// `shipshape_microservices{checklist="passed|failed|blocked"}`.
    public func checklist(_ key: String, _ outcome: ChecklistOutcome?) {
        let counts = outcomes.withLock { tally in
            if let old = tally.byKey[key] { tally.counts[old, default: 0] -= 1 }
            if let outcome { tally.counts[outcome, default: 0] += 1 }
            tally.byKey[key] = outcome
            return tally.counts
        }
        for state in ChecklistOutcome.allCases { microservicesGauge(state).set(Double(counts[state] ?? 0)) }
    }

    private func microservicesGauge(_ outcome: ChecklistOutcome) -> Gauge {
        registry.makeGauge(
            descriptor: Self.name("shipshape_microservices", "", "Microservices by checklist outcome."),
            labels: [("checklist", outcome.rawValue)])
    }

    /// The Prometheus text exposition of every series.
    public func exposition() -> String { registry.emitToString() }
}
