/// How a reconcile ended, as controller-runtime labels it in `controller_runtime_reconcile_total`.
public enum ReconcileResult: String, Sendable, CaseIterable {
    case success, error, requeue
    case requeueAfter = "requeue_after"
}

/// What the controller loop reports as it works, for a metrics backend to count
/// (controller-runtime's reconcile and workqueue series).
public protocol ControllerMetrics: Sendable {
    /// One reconcile ended with `result` after `duration`.
    func reconciled(_ result: ReconcileResult, duration: Duration)
    /// A key was added to the work queue (`retry` for a re-queue after a failure).
    func queued(retry: Bool)
    /// The work queue's current depth.
    func queueDepth(_ depth: Int)
}

/// Metrics that go nowhere: for a controller run without a metrics backend.
public struct DiscardedControllerMetrics: ControllerMetrics {
    public init() {}
    public func reconciled(_ result: ReconcileResult, duration: Duration) {}
    public func queued(retry: Bool) {}
    public func queueDepth(_ depth: Int) {}
}
