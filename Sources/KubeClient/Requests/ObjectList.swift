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

extension ObjectList {
    /// The list with each item's apiVersion and kind filled in from the list's own (`ConfigMapList`
    /// → `ConfigMap`): the API server leaves them out of list items, and typed objects need them.
    static func typingItems(of list: JSONValue) -> JSONValue {
        guard let items = list["items"]?.arrayValue, let listKind = list["kind"]?.stringValue, listKind.hasSuffix("List")
        else { return list }
        let kind = JSONValue.string(String(listKind.dropLast(4)))
        var list = list
        list["items"] = .array(items.map { item in
            var item = item
            if item["apiVersion"] == nil, let apiVersion = list["apiVersion"] { item["apiVersion"] = apiVersion }
            if item["kind"] == nil { item["kind"] = kind }
            return item
        })
        return list
    }
}

/// What a delete answered: the object, still there while finalizers or a grace period run,
/// or a Status when it is gone.
public enum DeleteResult<Object: Sendable>: Sendable {
    case pending(Object)
    case deleted(Status)
}
