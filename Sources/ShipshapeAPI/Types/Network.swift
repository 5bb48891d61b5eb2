import KubeModel

/// Something this service calls: another Microservice (by name) or a network range.
public struct Dependency: Codable, Sendable, Hashable {
    public var service: String?
    public var namespace: String?
    public var port: IntOrString?
    public var cidr: String?
    public var ports: [Int]?
    public var `protocol`: String?

    public enum CodingKeys: String, CodingKey, CaseIterable { case service, namespace, port, cidr, ports, `protocol` }

    public init(service: String, namespace: String? = nil, port: IntOrString? = nil) {
        self.service = service
        self.namespace = namespace
        self.port = port
    }

    public init(cidr: String, ports: [Int]? = nil) {
        self.cidr = cidr
        self.ports = ports
    }

    static let schema = Schema.object(
        "A dependency: {service, port} for a Microservice (egress to its pods, and it admits ingress from this one), or {cidr, ports} for anything else.",
        keys: CodingKeys.self,
        rules: [
            CrossFieldRule(
                cel: "has(self.service) != has(self.cidr)", message: "set exactly one of service or cidr"),
            CrossFieldRule(
                cel: "!has(self.cidr) || (!has(self.port) && !has(self.namespace))",
                message: "port and namespace go with service; a cidr takes ports"),
            CrossFieldRule(
                cel: "!has(self.service) || !has(self.ports)", message: "ports goes with cidr; a service takes port"),
        ],
        [
            .service: .string("Name of the Microservice called.", format: .dns1035Label),
            .namespace: .string("Its namespace (default: this Microservice's namespace).", format: .dnsLabel),
            .port: .intOrString("The port called: a port name of that Microservice, or a number (default: all its ports)."),
            .cidr: .string("An IP range called, such as a managed database's subnet.", format: .cidr),
            .ports: .array("Ports called in the range (default: all).", of: .integer("A port.", min: 1, max: 65535), set: true, maxItems: 64),
            .protocol: .string("TCP or UDP (default TCP).", enum: ["TCP", "UDP"], default: "TCP"),
        ])
}

/// Who may call this service besides the Microservices that depend on it.
public struct IngressPolicy: Codable, Sendable, Hashable {
    public var fromNamespaces: [String]?
    public var fromCIDRs: [String]?

    public enum CodingKeys: String, CodingKey, CaseIterable { case fromNamespaces, fromCIDRs }

    public init(fromNamespaces: [String]? = nil, fromCIDRs: [String]? = nil) {
        self.fromNamespaces = fromNamespaces
        self.fromCIDRs = fromCIDRs
    }

    static let schema = Schema.object(
        "Extra ingress sources. Every Microservice that lists this one in dependsOn is admitted automatically.",
        keys: CodingKeys.self,
        [
            .fromNamespaces: .array("Namespaces whose pods may call this service (for example an ingress controller's).",
                                    of: .string("A namespace.", format: .dnsLabel), set: true, maxItems: 64),
            .fromCIDRs: .array("IP ranges that may call this service.", of: .string("A CIDR.", format: .cidr), set: true, maxItems: 64),
        ])
}
