/// Every failure the operator reports, each naming what it concerns.
public enum ControllerError: Error, Sendable, CustomStringConvertible {
    /// A request about `object` (`Deployment shop/orders`) failed; retried with backoff.
    case request(object: String, operation: String, cause: String)
    /// A failure that retrying cannot fix (an invalid spec); the key is not requeued.
    case terminal(object: String, message: String)
    /// The operator's configuration (flags, kubeconfig, addresses) is unusable.
    case configuration(String)

    public var description: String {
        switch self {
        case .request(let object, let operation, let cause): return "\(operation) \(object): \(cause)"
        case .terminal(let object, let message): return "\(object): \(message)"
        case .configuration(let message): return "configuration: \(message)"
        }
    }

    /// Whether a reconcile that failed with this error should not be retried.
    public var isTerminal: Bool {
        if case .terminal = self { return true }
        return false
    }
}
