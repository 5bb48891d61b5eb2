import KubeModel

/// Every failure the client reports. API errors carry the server's `Status`; the description
/// reads as one line for logs and command-line output.
public enum KubeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with an error; the `Status` is the server's own, or one made from
    /// the HTTP status when the body was not a Status.
    case api(Status)
    /// 410 Gone: the resourceVersion asked for is older than the server keeps; relist.
    case gone(Status)
    /// The exchange did not complete: connection, TLS, timeout, or a response over its bound.
    case transport(TransportError)
    /// A body could not be decoded into `type`; `field` names where (`items[3].metadata`).
    case decoding(type: String, field: String, message: String)
    /// A configuration problem; `source` names the file, `field` the path inside it.
    case configuration(source: String, field: String?, message: String)
    /// Credentials could not be obtained (exec plugin, token file).
    case credentials(String)
    /// The request cannot be made as asked (a name or namespace is missing).
    case invalidRequest(String)
    /// The calling task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .api(let status), .gone(let status):
            let code = status.code.map { "\($0) " } ?? ""
            let reason = status.reason.map { "\($0): " } ?? ""
            return "API error \(code)\(reason)\(status.message ?? "no message")"
        case .transport(let error): return error.description
        case .decoding(let type, let field, let message):
            return "cannot decode \(type)" + (field.isEmpty ? "" : " at \(field)") + ": \(message)"
        case .configuration(let source, let field, let message):
            return "\(source): " + (field.map { "\($0): " } ?? "") + message
        case .credentials(let message): return "credentials: \(message)"
        case .invalidRequest(let message): return "invalid request: \(message)"
        case .cancelled: return "cancelled"
        }
    }

    /// The HTTP status code of an API error; nil for other errors.
    public var statusCode: Int? {
        switch self {
        case .api(let status), .gone(let status): return status.code
        default: return nil
        }
    }

    /// The server's Status for an API error.
    public var status: Status? {
        switch self {
        case .api(let status), .gone(let status): return status
        default: return nil
        }
    }

    /// How long the server asked to wait before a retry (Retry-After, or the Status's
    /// `details.retryAfterSeconds`), if it did.
    public var retryAfter: Duration? { status?.details?.retryAfterSeconds.map { .seconds($0) } }

    public var isNotFound: Bool { statusCode == 404 }
    public var isConflict: Bool { statusCode == 409 && status?.reason != "AlreadyExists" }
    public var isAlreadyExists: Bool { statusCode == 409 && status?.reason == "AlreadyExists" }
    public var isGone: Bool { if case .gone = self { return true } else { return false } }
}
