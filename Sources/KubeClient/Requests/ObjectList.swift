import KubeModel

/// One page of a list: the items and the list's metadata (resourceVersion, continue token).
public struct ObjectList<Object: Decodable & Sendable>: Decodable, Sendable {
    public var metadata: ListMeta
    public var items: [Object]

    public init(metadata: ListMeta, items: [Object]) {
        self.metadata = metadata
        self.items = items
    }

    enum CodingKeys: String, CodingKey { case metadata, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
        items = try container.decodeIfPresent([Object].self, forKey: .items) ?? []
    }
}

/// What a delete answered: the object, still there while finalizers or a grace period run,
/// or a Status when it is gone.
public enum DeleteResult<Object: Sendable>: Sendable {
    case pending(Object)
    case deleted(Status)
}
