/// `core/v1` Volume with the sources Shipshape writes (emptyDir, secret, configMap), in the
/// API's declaration order.
public struct Volume: Codable, Sendable, Hashable {
    /// A DNS label, unique within the pod.
    public var name: String
    public var emptyDir: EmptyDirVolumeSource?
    public var secret: SecretVolumeSource?
    public var configMap: ConfigMapVolumeSource?

    public init(name: String, emptyDir: EmptyDirVolumeSource? = nil, secret: SecretVolumeSource? = nil,
                configMap: ConfigMapVolumeSource? = nil) {
        self.name = name
        self.emptyDir = emptyDir
        self.secret = secret
        self.configMap = configMap
    }
}

/// `core/v1` EmptyDirVolumeSource: scratch space that lives as long as the pod.
public struct EmptyDirVolumeSource: Codable, Sendable, Hashable {
    /// `""` (node disk) or `Memory` (tmpfs).
    public var medium: String?
    public var sizeLimit: Quantity?

    public init(medium: String? = nil, sizeLimit: Quantity? = nil) {
        self.medium = medium
        self.sizeLimit = sizeLimit
    }
}

/// `core/v1` SecretVolumeSource: a Secret's keys as files.
public struct SecretVolumeSource: Codable, Sendable, Hashable {
    public var secretName: String?
    /// File mode bits, as a decimal integer in JSON (0400 octal is 256).
    public var defaultMode: Int?
    public var optional: Bool?

    public init(secretName: String? = nil, defaultMode: Int? = nil, optional: Bool? = nil) {
        self.secretName = secretName
        self.defaultMode = defaultMode
        self.optional = optional
    }
}

/// `core/v1` ConfigMapVolumeSource: a ConfigMap's keys as files.
public struct ConfigMapVolumeSource: Codable, Sendable, Hashable {
    public var name: String?
    public var defaultMode: Int?
    public var optional: Bool?

    public init(name: String? = nil, defaultMode: Int? = nil, optional: Bool? = nil) {
        self.name = name
        self.defaultMode = defaultMode
        self.optional = optional
    }
}
