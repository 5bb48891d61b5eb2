/// `core/v1` Container (the fields Shipshape writes or audits), in the API's declaration order.
public struct Container: Codable, Sendable, Hashable {
    public var name: String
    public var image: String?
    public var command: [String]?
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var envFrom: [EnvFromSource]?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var volumeMounts: [VolumeMount]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: Lifecycle?
    public var imagePullPolicy: String?
    public var securityContext: SecurityContext?

    public init(name: String, image: String? = nil) {
        self.name = name
        self.image = image
    }
}

/// `core/v1` ContainerPort. `name` is an IANA service name (at most 15 characters).
public struct ContainerPort: Codable, Sendable, Hashable {
    public var name: String?
    public var hostPort: Int?
    public var containerPort: Int
    /// `TCP` (the API's default), `UDP` or `SCTP`.
    public var `protocol`: String?

    public init(name: String? = nil, containerPort: Int, protocol: String? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.protocol = `protocol`
    }
}

/// `core/v1` ResourceRequirements: resource names (`cpu`, `memory`, ...) to quantities.
public struct ResourceRequirements: Codable, Sendable, Hashable {
    public var limits: [String: Quantity]?
    public var requests: [String: Quantity]?

    public init(limits: [String: Quantity]? = nil, requests: [String: Quantity]? = nil) {
        self.limits = limits
        self.requests = requests
    }
}

/// `core/v1` VolumeMount: a pod volume mounted into the container.
public struct VolumeMount: Codable, Sendable, Hashable {
    public var name: String
    public var readOnly: Bool?
    public var mountPath: String
    public var subPath: String?

    public init(name: String, readOnly: Bool? = nil, mountPath: String, subPath: String? = nil) {
        self.name = name
        self.readOnly = readOnly
        self.mountPath = mountPath
        self.subPath = subPath
    }
}
