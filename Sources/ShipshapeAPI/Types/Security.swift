import KubeModel

/// The container's security context. Every field defaults to the secure choice; overriding one
/// is possible and the checklist reports it.
public struct Security: Codable, Sendable, Hashable {
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var fsGroup: Int?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var addCapabilities: [String]?
    public var seccompProfile: String?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case runAsUser, runAsGroup, fsGroup, runAsNonRoot, readOnlyRootFilesystem, allowPrivilegeEscalation
        case addCapabilities, seccompProfile
    }

    public init() {}

    static let schema = Schema.object(
        "Security context. Defaults: non-root uid/gid \(Defaults.userID), no privilege escalation, all capabilities dropped, read-only root filesystem (a writable /tmp is mounted), seccomp RuntimeDefault.",
        keys: CodingKeys.self,
        [
            .runAsUser: .integer("User id (default \(Defaults.userID)).", min: 0, max: 2_147_483_647, default: Defaults.userID),
            .runAsGroup: .integer("Group id (default \(Defaults.userID)).", min: 0, max: 2_147_483_647, default: Defaults.userID),
            .fsGroup: .integer("Group owning mounted volumes (default \(Defaults.userID)).", min: 0, max: 2_147_483_647, default: Defaults.userID),
            .runAsNonRoot: .boolean("Refuse to start as root (default true).", default: true),
            .readOnlyRootFilesystem: .boolean("Mount the root filesystem read-only (default true).", default: true),
            .allowPrivilegeEscalation: .boolean("Allow setuid binaries to gain privileges (default false).", default: false),
            .addCapabilities: .array("Capabilities added back after dropping ALL (only NET_BIND_SERVICE is allowed by the restricted Pod Security Standard).",
                                     of: .string("A capability.", format: .capability), set: true),
            .seccompProfile: .string("Seccomp profile: RuntimeDefault (default) or Unconfined.",
                                     enum: ["RuntimeDefault", "Unconfined"], default: "RuntimeDefault"),
        ])
}

/// The pod's Kubernetes identity.
public struct ServiceAccountSpec: Codable, Sendable, Hashable {
    public var create: Bool?
    public var name: String?
    public var automountToken: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable { case create, name, automountToken }

    public init(create: Bool? = nil, name: String? = nil, automountToken: Bool? = nil) {
        self.create = create
        self.name = name
        self.automountToken = automountToken
    }

    static let schema = Schema.object(
        "The pod's ServiceAccount. By default a dedicated one named after the Microservice is created, and its API token is not mounted.",
        keys: CodingKeys.self,
        [
            .create: .boolean("Create a dedicated ServiceAccount (default true).", default: true),
            .name: .string("ServiceAccount name (default: the Microservice's name).", format: .dnsSubdomain),
            .automountToken: .boolean("Mount an API token into the pod (default false; set true only if it calls the Kubernetes API).", default: false),
        ])
}
