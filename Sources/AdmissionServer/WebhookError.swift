/// Why the webhook server or its certificate manager could not do what was asked. Messages
/// name the file, object or address at fault and never include key material.
public enum WebhookError: Error, Sendable, CustomStringConvertible {
    /// A listen address that is not `HOST:PORT`.
    case address(String)
    /// A serving certificate or key that cannot be read or used; `source` names the file(s).
    case certificate(source: String, message: String)
    /// The certificate Secret or the webhook configuration could not be read or written.
    case kubernetes(object: String, message: String)
    /// The server stopped before it listened.
    case server(String)

    public var description: String {
        switch self {
        case .address(let text): return "invalid listen address \"\(text)\": expected HOST:PORT (0.0.0.0:9443, [::]:9443, :9443)"
        case .certificate(let source, let message): return "\(source): \(message)"
        case .kubernetes(let object, let message): return "\(object): \(message)"
        case .server(let message): return "webhook server: \(message)"
        }
    }
}
