/// A TCP address to listen on, parsed from `HOST:PORT`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    /// 0 lets the OS choose a free port.
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `0.0.0.0:9443`, `[::]:9443`, `localhost:9443` or `:9443` (all IPv4 interfaces).
    public init(parsing text: String) throws(WebhookError) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw .address(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { throw .address(text) }
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw .address(text)
        }
        self.init(host: host.isEmpty ? "0.0.0.0" : host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
