import KubeModel

/// A `shipshape.dev/v1alpha1` Microservice: one short declaration of a service, from which
/// Shipshape renders and keeps true its Deployment, Service, HPA, NetworkPolicy, PDB and
/// ServiceAccount.
public struct Microservice: Codable, Sendable, Hashable {
    public static let group = "shipshape.dev"
    public static let version = "v1alpha1"
    public static let apiVersion = "shipshape.dev/v1alpha1"
    public static let kind = "Microservice"
    public static let plural = "microservices"

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: MicroserviceSpec
    public var status: MicroserviceStatus?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case apiVersion, kind, metadata, spec, status
    }

    public init(metadata: ObjectMeta, spec: MicroserviceSpec, status: MicroserviceStatus? = nil) {
        self.apiVersion = Self.apiVersion
        self.kind = Self.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The object's name ("" if unset; validation guarantees one for decoded objects).
    public var name: String { metadata.name ?? "" }
    /// The object's namespace, `default` when unset (as kubectl applies it).
    public var namespace: String { metadata.namespace ?? "default" }
    /// `namespace/name`, as messages and work queues print it.
    public var key: String { "\(namespace)/\(name)" }
}
