/// meta.k8s.io/v1 PartialObjectMetadata: an object with its metadata only, as served to a
/// client that asks for it in the Accept header (to watch Secrets without their data).
public struct PartialObjectMetadata: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta

    public init(apiVersion: String? = "meta.k8s.io/v1", kind: String? = "PartialObjectMetadata", metadata: ObjectMeta) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
    }
}
