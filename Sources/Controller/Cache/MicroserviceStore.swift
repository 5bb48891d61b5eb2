import KubeModel
import OperatorRuntime
import ShipshapeAPI

/// The cache of Microservices: `CachedMicroservice`s in an `ObjectStore` its informer writes,
/// read as `Microservice`s, decoded only when read.
public final class MicroserviceStore: Sendable {
    /// The compact objects, written by the informer.
    public let compact: ObjectStore<CachedMicroservice>

    public init(_ compact: ObjectStore<CachedMicroservice> = ObjectStore()) {
        self.compact = compact
    }

    /// The Microservice with `key`, if cached.
    public func get(_ key: ObjectKey) -> Microservice? {
        compact.get(key)?.value
    }

    /// Every Microservice, in no particular order.
    public func values() -> [Microservice] { compact.values().compactMap(\.value) }

    /// How many have a status an operator wrote (`status.observedGeneration` set), counted
    /// without decoding them.
    public var withStatusCount: Int { compact.count { $0.observedGeneration != nil } }

    public var count: Int { compact.count }
}
