/// Why an HTTP exchange did not complete, with libcurl's own text.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// No connection could be made (refused, unreachable, DNS).
        case connect
        /// The TLS handshake or certificate verification failed.
        case tls
        /// The connect or overall timeout expired.
        case timeout
        /// A stream received nothing for longer than its idle timeout.
        case idleTimeout
        /// The connection broke before the response was complete.
        case connectionLost
        /// The response was larger than allowed.
        case responseTooLarge
        /// The transport has been shut down.
        case shutdown
        case other
    }

    public var kind: Kind
    /// libcurl's CURLcode, when libcurl reported the failure.
    public var curlCode: Int?
    public var message: String

    public init(kind: Kind, curlCode: Int? = nil, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String {
        let code = curlCode.map { " (curl \($0))" } ?? ""
        switch kind {
        case .tls: return "TLS: \(message)\(code)"
        case .connect: return "cannot connect: \(message)\(code)"
        case .timeout: return "timed out: \(message)\(code)"
        case .idleTimeout: return "idle timeout: \(message)"
        case .connectionLost: return "connection lost: \(message)\(code)"
        case .responseTooLarge: return "response too large: \(message)"
        case .shutdown: return "transport shut down: \(message)"
        case .other: return "transport: \(message)\(code)"
        }
    }

    /// True when the request cannot have reached the server's handlers or the connection
    /// dropped, so an idempotent request may be sent again.
    public var isRetryable: Bool {
        switch kind {
        case .connect, .connectionLost: return true
        default: return false
        }
    }
}
