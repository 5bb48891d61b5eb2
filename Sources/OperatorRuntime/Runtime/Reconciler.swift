import Logging

/// What a reconcile asks for next.
public enum ReconcileAction: Sendable, Equatable {
    /// Converged; wait for the next change.
    case done
    /// Look again after this long (a rollout in progress). Zero goes through the queue's rate
    /// limiter (controller-runtime's `Requeue: true`), so a reconciler cannot spin.
    case requeue(after: Duration)
}

/// Brings one object's world in line with its spec, as controller-runtime's `Reconciler`.
/// Throwing retries the key as the queue's rate limiter says (never sooner than a server's
/// Retry-After), except for a `ControllerError.terminal`.
public protocol Reconciler: Sendable {
    /// Reconciles the object with `key`; `logger` carries the key and a reconcile id.
    func reconcile(_ key: ObjectKey, logger: Logger) async throws -> ReconcileAction
}
