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
}
