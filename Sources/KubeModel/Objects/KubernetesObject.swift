/// A top-level Kubernetes object: typed, `Codable`, encoded in kubectl's field order
/// (apiVersion, kind, metadata, spec).
public protocol KubernetesObject: Codable, Sendable, Hashable {
    var apiVersion: String { get }
    var kind: String { get }
    var metadata: ObjectMeta { get }
}
