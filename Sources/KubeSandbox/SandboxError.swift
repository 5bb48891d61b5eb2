/// The one error type of KubeSandbox: starting it, its certificates, and the API
/// errors its handlers raise (turned into `metav1.Status` responses).
public enum SandboxError: Error, Sendable, CustomStringConvertible {
    /// Generating or encoding a key or certificate failed.
    case certificate(String)
    /// The server could not start (or stopped before reporting its port).
    case server(String)
    /// The address to listen on (`127.0.0.1:PORT`) is taken by another process.
    case addressInUse(String)
    /// A Kubernetes API error, answered as a Status body.
    case api(APIStatus)
    /// The data directory's storage cannot be opened, read or written (the message names the
    /// directory or file).
    case storage(String)

    public var description: String {
        switch self {
        case .certificate(let message): return "certificate: \(message)"
        case .server(let message): return "server: \(message)"
        case .addressInUse(let address): return "listen tcp \(address): bind: address already in use"
        case .api(let status): return "\(status.code) \(status.reason): \(status.message)"
        case .storage(let message): return "storage: \(message)"
        }
    }
}
