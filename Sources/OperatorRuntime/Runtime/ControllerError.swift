import KubeClient

/// Every failure a reconcile reports, each naming what it concerns and keeping the typed cause,
/// so the controller can tell a 409 from a 429 and honour a server's Retry-After.
public enum ControllerError: Error, Sendable, CustomStringConvertible {
    /// A request about `object` (`Deployment shop/orders`) failed; retried with backoff.
    case request(object: String, operation: String, cause: any Error)
    /// The server refused what was sent as invalid (400, 422): sending it again cannot succeed
    /// until the spec changes, and a change queues the Microservice anyway. Not retried.
    case terminal(object: String, operation: String, cause: any Error)

    public var description: String {
        switch self {
        case .request(let object, let operation, let cause), .terminal(let object, let operation, let cause):
            return "\(operation) \(object): \(cause)"
        }
    }

    /// The client's error behind this failure, if it came from the API server.
    public var kubeError: KubeError? {
        switch self {
        case .request(_, _, let cause), .terminal(_, _, let cause): return cause as? KubeError
        }
    }

    /// The HTTP status code the server answered, if any.
    public var statusCode: Int? { kubeError?.statusCode }

    /// How long the server asked to wait before trying again, if it did.
    public var retryAfter: Duration? { kubeError?.retryAfter }

    /// Whether a reconcile that failed with this error should not be retried.
    public var isTerminal: Bool {
        if case .terminal = self { return true }
        return false
    }

    /// This failure, terminal when the server refused the object itself as invalid.
    public var terminalIfInvalid: ControllerError {
        guard case .request(let object, let operation, let cause) = self, [400, 422].contains(statusCode ?? 0) else { return self }
        return .terminal(object: object, operation: operation, cause: cause)
    }
}
