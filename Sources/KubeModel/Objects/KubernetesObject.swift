/// A typed Kubernetes object: `Codable` (encoded in kubectl's field order: apiVersion, kind,
/// metadata, spec), and served as one resource, which the client addresses it by.
public protocol KubernetesObject: Codable, Sendable {
    /// The resource the type's objects are served as.
    static var resourceType: ResourceType { get }
    var metadata: ObjectMeta { get }
}
