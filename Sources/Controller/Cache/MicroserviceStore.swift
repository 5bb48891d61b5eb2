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

    /// The Microservice with key `namespace/name`, if cached.
    public func get(key: String) -> Microservice? {
        compact.get(key: key)?.value
    }

    /// Every Microservice, in no particular order.
    public func values() -> [Microservice] { compact.values().compactMap(\.value) }

    /// How many have a status an operator wrote (`status.observedGeneration` set), counted
    /// without decoding them.
    public var withStatusCount: Int { compact.count { $0.observedGeneration != nil } }

    public var count: Int { compact.count }

    /// Puts what a write returned into the cache while it still holds the version the write
    /// replaced: once the watch has delivered anything else, the cache is left to the watch.
    /// resourceVersions are opaque: compared for equality only.
    public func writeThrough(_ microservice: Microservice, replacing replaced: String?) {
        let (namespace, name) = ObjectKey.split(microservice.key)
        guard compact.get(namespace: namespace, name: name)?.resourceVersion == replaced,
              let cached = CachedMicroservice(microservice) else { return }
        compact.set(namespace: namespace, name: name, cached)
    }
}
