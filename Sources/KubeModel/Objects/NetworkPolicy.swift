/// `networking.k8s.io/v1` NetworkPolicy: which traffic the selected pods may receive and send.
public struct NetworkPolicy: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.networkPolicies
    public var apiVersion = "networking.k8s.io/v1"
    public var kind = "NetworkPolicy"
    public var metadata: ObjectMeta
    public var spec: NetworkPolicySpec

    public init(metadata: ObjectMeta, spec: NetworkPolicySpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `networking.k8s.io/v1` NetworkPolicySpec. Encoded as the Kubernetes documentation writes it:
/// podSelector and policyTypes first, then the rules.
public struct NetworkPolicySpec: Codable, Sendable, Hashable {
    /// `{}` selects every pod in the namespace.
    public var podSelector: LabelSelector
    /// `Ingress`, `Egress`; a listed type with no rules denies that direction.
    public var policyTypes: [String]?
    public var ingress: [NetworkPolicyIngressRule]?
    public var egress: [NetworkPolicyEgressRule]?

    public init(podSelector: LabelSelector, policyTypes: [String]? = nil, ingress: [NetworkPolicyIngressRule]? = nil,
                egress: [NetworkPolicyEgressRule]? = nil) {
        self.podSelector = podSelector
        self.policyTypes = policyTypes
        self.ingress = ingress
        self.egress = egress
    }
}

/// `networking.k8s.io/v1` NetworkPolicyIngressRule: traffic from any of `from` to any of
/// `ports` (an absent list means all).
public struct NetworkPolicyIngressRule: Codable, Sendable, Hashable {
    public var from: [NetworkPolicyPeer]?
    public var ports: [NetworkPolicyPort]?

    public init(from: [NetworkPolicyPeer]? = nil, ports: [NetworkPolicyPort]? = nil) {
        self.from = from
        self.ports = ports
    }
}

/// `networking.k8s.io/v1` NetworkPolicyEgressRule: traffic to any of `to` on any of `ports`
/// (an absent list means all).
public struct NetworkPolicyEgressRule: Codable, Sendable, Hashable {
    public var to: [NetworkPolicyPeer]?
    public var ports: [NetworkPolicyPort]?

    public init(to: [NetworkPolicyPeer]? = nil, ports: [NetworkPolicyPort]? = nil) {
        self.to = to
        self.ports = ports
    }
}

/// `networking.k8s.io/v1` NetworkPolicyPeer: pods (in namespaces) by label, or an IP block.
/// podSelector and namespaceSelector together mean the selected pods of the selected namespaces.
public struct NetworkPolicyPeer: Codable, Sendable, Hashable {
    public var podSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    public var ipBlock: IPBlock?

    public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
    }
}

/// `networking.k8s.io/v1` IPBlock: a CIDR, minus exceptions.
public struct IPBlock: Codable, Sendable, Hashable {
    public var cidr: String
    public var except: [String]?

    public init(cidr: String, except: [String]? = nil) {
        self.cidr = cidr
        self.except = except
    }
}

/// `networking.k8s.io/v1` NetworkPolicyPort: a port number or a named container port
/// (`endPort` makes a numeric range).
public struct NetworkPolicyPort: Codable, Sendable, Hashable {
    /// `TCP` (the API's default), `UDP` or `SCTP`.
    public var `protocol`: String?
    public var port: IntOrString?
    public var endPort: Int?

    public init(protocol: String? = nil, port: IntOrString? = nil, endPort: Int? = nil) {
        self.protocol = `protocol`
        self.port = port
        self.endPort = endPort
    }
}
