/// `core/v1` Service: a stable virtual IP and DNS name in front of selected pods.
public struct Service: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.services
    public var apiVersion = "v1"
    public var kind = "Service"
    public var metadata: ObjectMeta
    public var spec: ServiceSpec

    public init(metadata: ObjectMeta, spec: ServiceSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `core/v1` ServiceSpec (the fields Shipshape writes or audits), in the API's declaration order.
public struct ServiceSpec: Codable, Sendable, Hashable {
    public var ports: [ServicePort]?
    public var selector: [String: String]?
    /// `None` makes a headless Service.
    public var clusterIP: String?
    /// `ClusterIP` (the API's default), `NodePort`, `LoadBalancer` or `ExternalName`.
    public var type: String?
    public var sessionAffinity: String?
    public var internalTrafficPolicy: String?

    public init(ports: [ServicePort]? = nil, selector: [String: String]? = nil, type: String? = nil) {
        self.ports = ports
        self.selector = selector
        self.type = type
    }
}

/// `core/v1` ServicePort.
public struct ServicePort: Codable, Sendable, Hashable {
    public var name: String?
    /// `TCP` (the API's default), `UDP` or `SCTP`.
    public var `protocol`: String?
    /// The application protocol: an IANA service name (`http`), or a prefixed name such as
    /// `kubernetes.io/h2c`.
    public var appProtocol: String?
    public var port: Int
    /// A port number or a container port's name on the selected pods.
    public var targetPort: IntOrString?
    public var nodePort: Int?

    public init(name: String? = nil, protocol: String? = nil, appProtocol: String? = nil, port: Int,
                targetPort: IntOrString? = nil) {
        self.name = name
        self.protocol = `protocol`
        self.appProtocol = appProtocol
        self.port = port
        self.targetPort = targetPort
    }
}
