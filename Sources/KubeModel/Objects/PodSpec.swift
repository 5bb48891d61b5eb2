/// `core/v1` PodTemplateSpec: the pods a workload creates.
public struct PodTemplateSpec: Codable, Sendable, Hashable {
    public var metadata: ObjectMeta?
    public var spec: PodSpec?

    public init(metadata: ObjectMeta? = nil, spec: PodSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `core/v1` PodSpec (the fields Shipshape writes or audits), in the API's declaration order.
public struct PodSpec: Codable, Sendable, Hashable {
    public var volumes: [Volume]?
    public var initContainers: [Container]?
    public var containers: [Container]
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int?
    public var dnsPolicy: String?
    public var nodeSelector: [String: String]?
    public var serviceAccountName: String?
    public var automountServiceAccountToken: Bool?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var securityContext: PodSecurityContext?
    public var imagePullSecrets: [LocalObjectReference]?
    public var priorityClassName: String?
    public var enableServiceLinks: Bool?
    public var topologySpreadConstraints: [TopologySpreadConstraint]?

    public init(containers: [Container]) { self.containers = containers }
}

/// `core/v1` LocalObjectReference: an object in the same namespace, by name.
public struct LocalObjectReference: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) { self.name = name }
}

/// `core/v1` TopologySpreadConstraint: how evenly pods spread over a topology domain.
public struct TopologySpreadConstraint: Codable, Sendable, Hashable {
    public var maxSkew: Int
    /// A node label key, such as `kubernetes.io/hostname` or `topology.kubernetes.io/zone`.
    public var topologyKey: String
    /// `DoNotSchedule` or `ScheduleAnyway`.
    public var whenUnsatisfiable: String
    public var labelSelector: LabelSelector?
    public var minDomains: Int?
    public var nodeAffinityPolicy: String?
    public var nodeTaintsPolicy: String?
    /// Pod label keys whose values narrow the selector to the pod's own group (e.g. `pod-template-hash`).
    public var matchLabelKeys: [String]?

    public init(maxSkew: Int, topologyKey: String, whenUnsatisfiable: String, labelSelector: LabelSelector? = nil,
                matchLabelKeys: [String]? = nil) {
        self.maxSkew = maxSkew
        self.topologyKey = topologyKey
        self.whenUnsatisfiable = whenUnsatisfiable
        self.labelSelector = labelSelector
        self.matchLabelKeys = matchLabelKeys
    }
}
