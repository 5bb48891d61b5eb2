import KubeModel

/// Health probes in short form; each maps to a Kubernetes probe with sensible timings.
public struct Probes: Codable, Sendable, Hashable {
    public var liveness: Probe?
    public var readiness: Probe?
    public var startup: Probe?

    public enum CodingKeys: String, CodingKey, CaseIterable { case liveness, readiness, startup }

    public init(liveness: Probe? = nil, readiness: Probe? = nil, startup: Probe? = nil) {
        self.liveness = liveness
        self.readiness = readiness
        self.startup = startup
    }

    static let schema = Schema.object(
        "Health probes. Readiness gates traffic, liveness restarts a stuck process, startup protects slow starts.",
        keys: CodingKeys.self,
        [
            .liveness: Probe.schema("Restart the container when this fails (keep it cheap and local: no dependency checks)."),
            .readiness: Probe.schema("Send traffic only while this succeeds."),
            .startup: Probe.schema("Hold liveness and readiness until this first succeeds (for slow starts)."),
        ])
}

/// One probe: exactly one of http, grpc, tcp or exec, plus optional timings.
public struct Probe: Codable, Sendable, Hashable {
    public var http: HTTPCheck?
    public var grpc: GRPCCheck?
    public var tcp: TCPCheck?
    public var exec: ExecCheck?
    public var initialDelaySeconds: Int?
    public var periodSeconds: Int?
    public var timeoutSeconds: Int?
    public var failureThreshold: Int?
    public var successThreshold: Int?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case http, grpc, tcp, exec, initialDelaySeconds, periodSeconds, timeoutSeconds, failureThreshold, successThreshold
    }

    public init(http: HTTPCheck? = nil, grpc: GRPCCheck? = nil, tcp: TCPCheck? = nil, exec: ExecCheck? = nil) {
        self.http = http
        self.grpc = grpc
        self.tcp = tcp
        self.exec = exec
    }

    /// The port the probe connects to, if it connects to one.
    public var port: IntOrString? { http?.port ?? grpc?.port ?? tcp?.port }

    static func schema(_ description: String) -> Schema {
        .object(description, keys: CodingKeys.self,
                rules: [
                    CrossFieldRule(
                        cel: "[has(self.http), has(self.grpc), has(self.tcp), has(self.exec)].filter(x, x).size() == 1",
                        message: "set exactly one of http, grpc, tcp or exec"),
                ],
                [
                    .http: HTTPCheck.schema,
                    .grpc: GRPCCheck.schema,
                    .tcp: TCPCheck.schema,
                    .exec: ExecCheck.schema,
                    .initialDelaySeconds: .integer("Seconds before the first probe (prefer a startup probe).", min: 0, max: 3600),
                    .periodSeconds: .integer("Seconds between probes.", min: 1, max: 3600),
                    .timeoutSeconds: .integer("Seconds before a probe times out.", min: 1, max: 3600),
                    .failureThreshold: .integer("Consecutive failures that count as failed.", min: 1, max: 1000),
                    .successThreshold: .integer("Consecutive successes that count as recovered (readiness only may exceed 1).", min: 1, max: 1000),
                ])
    }
}

/// An HTTP GET probe.
public struct HTTPCheck: Codable, Sendable, Hashable {
    public var path: String?
    public var port: IntOrString
    public var scheme: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case path, port, scheme }

    public init(path: String? = nil, port: IntOrString, scheme: String? = nil) {
        self.path = path
        self.port = port
        self.scheme = scheme
    }

    static let schema = Schema.object(
        "An HTTP GET that must answer 200-399.", keys: CodingKeys.self, required: [.port],
        [
            .path: .string("Request path (default /).", format: .absolutePath, default: "/"),
            .port: .intOrString("A declared port's name, or a port number."),
            .scheme: .string("HTTP or HTTPS (default HTTP).", enum: ["HTTP", "HTTPS"], default: "HTTP"),
        ])
}

/// A gRPC health-checking-protocol probe.
public struct GRPCCheck: Codable, Sendable, Hashable {
    public var port: IntOrString
    public var service: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case port, service }

    public init(port: IntOrString, service: String? = nil) {
        self.port = port
        self.service = service
    }

    static let schema = Schema.object(
        "A gRPC health check (grpc.health.v1).", keys: CodingKeys.self, required: [.port],
        [
            .port: .intOrString("A declared port's name, or a port number."),
            .service: .string("Service name sent in the health check request (default: the server's overall health)."),
        ])
}

/// A TCP connect probe.
public struct TCPCheck: Codable, Sendable, Hashable {
    public var port: IntOrString

    public enum CodingKeys: String, CodingKey, CaseIterable { case port }

    public init(port: IntOrString) { self.port = port }

    static let schema = Schema.object(
        "A TCP connection that must open.", keys: CodingKeys.self, required: [.port],
        [.port: .intOrString("A declared port's name, or a port number.")])
}

/// A command run in the container; exit 0 is healthy.
public struct ExecCheck: Codable, Sendable, Hashable {
    public var command: [String]

    public enum CodingKeys: String, CodingKey, CaseIterable { case command }

    public init(command: [String]) { self.command = command }

    static let schema = Schema.object(
        "A command run inside the container; exit status 0 is healthy.", keys: CodingKeys.self, required: [.command],
        [.command: .array("The command and its arguments (no shell unless you call one).", of: .string("An argument."), minItems: 1)])
}
