import KubeModel
import OperatorRuntime

/// The cache of one child kind: `CachedChild`ren in an `ObjectStore` its informer writes,
/// read as `JSONValue`s. Only what is read is decoded: lookups by name, and the children of
/// one Microservice, found by their recorded owner without decoding the others.
public final class ChildStore: Sendable {
    /// The compact objects, written by the informer.
    public let compact: ObjectStore<CachedChild>

    public init(_ compact: ObjectStore<CachedChild> = ObjectStore()) {
        self.compact = compact
    }

    /// The object `namespace/name`, if cached.
    public func get(namespace: String, name: String) -> JSONValue? {
        compact.get(namespace: namespace, name: name)?.value
    }

    /// The objects in `namespace` that the Microservice with key `owner` owns, by name.
    public func objects(in namespace: String, ownedBy owner: ObjectKey) -> [String: JSONValue] {
        compact.objects(in: namespace).filter { $0.value.owner == owner }.mapValues(\.value)
    }

    /// Every object, in no particular order.
    public func values() -> [JSONValue] { compact.values().map(\.value) }

    public var count: Int { compact.count }

    /// Stores `value`, compacted.
    public func set(_ value: JSONValue) {
        compact.set(value.objectKey, CachedChild(value))
    }

    /// Removes `key`.
    public func remove(_ key: ObjectKey) {
        compact.remove(key)
    }

    /// Puts what a write returned into the cache while it still holds the version the write
    /// replaced (`replaced`, nil for an object that did not exist): once the watch has delivered
    /// anything else, the cache is left to the watch. Versions are compared for equality only.
    public func writeThrough(_ value: JSONValue, replacing replaced: String?) {
        guard compact.get(value.objectKey)?.resourceVersion == replaced else { return }
        set(value)
    }
}
