import KubeModel

/// A port the service listens on.
public struct ServicePort: Codable, Sendable, Hashable {
    public var name: String
    public var port: Int
    public var `protocol`: PortProtocol?

    public enum CodingKeys: String, CodingKey, CaseIterable { case name, port, `protocol` }

    public init(name: String, port: Int, protocol: PortProtocol? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
    }

    /// The protocol, `http` when unset.
    public var effectiveProtocol: PortProtocol { `protocol` ?? .http }

    static let schema = Schema.object(
        "A named port.", keys: CodingKeys.self, required: [.name, .port],
        [
            .name: .string("Port name, referenced by probes, metrics and dependents (an IANA service name).", format: .portName),
            .port: .integer("Port number the container listens on and the Service exposes.", min: 1, max: 65535),
            .protocol: .string("Application protocol: http, grpc or tcp (default http); sets the Service's appProtocol.",
                               enum: PortProtocol.allCases.map(\.rawValue), default: "http"),
        ])
}

/// The application protocol spoken on a port.
public enum PortProtocol: String, Codable, Sendable, Hashable, CaseIterable {
    case http, grpc, tcp
}
