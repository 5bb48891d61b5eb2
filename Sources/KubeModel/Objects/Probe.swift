/// `core/v1` Probe: one handler (exec, httpGet, tcpSocket or grpc) and its timings.
public struct Probe: Codable, Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var grpc: GRPCAction?
    public var initialDelaySeconds: Int?
    public var timeoutSeconds: Int?
    public var periodSeconds: Int?
    public var successThreshold: Int?
    public var failureThreshold: Int?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil,
                grpc: GRPCAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.grpc = grpc
    }
}

/// `core/v1` ExecAction: a command run in the container; exit 0 is success.
public struct ExecAction: Codable, Sendable, Hashable {
    public var command: [String]?

    public init(command: [String]? = nil) { self.command = command }
}

/// `core/v1` HTTPGetAction: a GET answered with 200-399 is success.
public struct HTTPGetAction: Codable, Sendable, Hashable {
    public var path: String?
    /// A port number or a container port's name.
    public var port: IntOrString
    public var host: String?
    /// `HTTP` (the API's default) or `HTTPS`.
    public var scheme: String?

    public init(path: String? = nil, port: IntOrString, scheme: String? = nil) {
        self.path = path
        self.port = port
        self.scheme = scheme
    }
}

/// `core/v1` TCPSocketAction: an opened connection is success.
public struct TCPSocketAction: Codable, Sendable, Hashable {
    public var port: IntOrString
    public var host: String?

    public init(port: IntOrString) { self.port = port }
}

/// `core/v1` GRPCAction: the gRPC health checking protocol. The port must be a number.
public struct GRPCAction: Codable, Sendable, Hashable {
    public var port: Int
    public var service: String?

    public init(port: Int, service: String? = nil) {
        self.port = port
        self.service = service
    }
}
