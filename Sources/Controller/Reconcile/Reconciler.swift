import Logging

/// What a reconcile asks for next.
public enum ReconcileAction: Sendable, Equatable {
    /// Converged; wait for the next change.
    case done
    /// Look again after this long (a rollout in progress).
    case requeue(after: Duration)
}

/// Brings one object's world in line with its spec, as controller-runtime's `Reconciler`.
/// Throwing retries the key with per-key backoff, except for a `ControllerError.terminal`.
public protocol Reconciler: Sendable {
    /// Reconciles the object with key `namespace/name`; `logger` carries the key and a reconcile id.
    func reconcile(_ key: String, logger: Logger) async throws -> ReconcileAction
}
