/// `core/v1` PodSecurityContext: identity and sandboxing shared by every container of a pod.
public struct PodSecurityContext: Codable, Sendable, Hashable {
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var runAsNonRoot: Bool?
    public var supplementalGroups: [Int]?
    /// Group that owns mounted volumes (so a non-root user can read secret files).
    public var fsGroup: Int?
    public var fsGroupChangePolicy: String?
    public var seccompProfile: SeccompProfile?

    public init() {}
}

/// `core/v1` SecurityContext: per-container settings, which override the pod's.
public struct SecurityContext: Codable, Sendable, Hashable {
    public var capabilities: Capabilities?
    public var privileged: Bool?
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var procMount: String?
    public var seccompProfile: SeccompProfile?

    public init() {}
}

/// `core/v1` SeccompProfile: `RuntimeDefault`, `Unconfined` or `Localhost` (with a profile).
public struct SeccompProfile: Codable, Sendable, Hashable {
    public var type: String
    public var localhostProfile: String?

    public init(type: String, localhostProfile: String? = nil) {
        self.type = type
        self.localhostProfile = localhostProfile
    }
}

/// `core/v1` Capabilities: POSIX capabilities added and dropped (`ALL` drops every one).
public struct Capabilities: Codable, Sendable, Hashable {
    public var add: [String]?
    public var drop: [String]?

    public init(add: [String]? = nil, drop: [String]? = nil) {
        self.add = add
        self.drop = drop
    }
}
