import KubeModel
import OperatorRuntime
import ShipshapeAPI

extension ClusterCache {
    /// The one way to change the cache besides its informers: what the reconciler's own writes
    /// returned, recorded before the watch reports them.
    public var writeThrough: WriteThrough { WriteThrough(microservices: microserviceWriter, children: childWriters) }

    /// Records the answers to the reconciler's own writes, so a reconcile that runs before the
    /// watch has delivered them (the status write re-queues the Microservice at once) neither
    /// applies nor deletes again what it just wrote: a converged cluster sees no writes. Each
    /// record holds only while the cache still has the version the write replaced; once the
    /// watch has delivered anything else, the cache is left to the watch
    /// (`StoreWriter.writeThrough`). The text it caches is the same projection the watch would.
    public struct WriteThrough: Sendable {
        let microservices: StoreWriter<CachedMicroservice>
        let children: [ChildKind: StoreWriter<CachedChild>]

        /// A child of `kind` written (applied, patched): `object` is the server's answer;
        /// `replaced` the version the write replaced (nil: it did not exist).
        public func wrote(_ kind: ChildKind, _ object: JSONValue, replacing replaced: String?) {
            children[kind]?.writeThrough(object.objectKey, CachedChild(object), replacing: replaced, version: { $0.resourceVersion })
        }

        /// A child of `kind` deleted, at version `replaced`.
        public func deleted(_ kind: ChildKind, _ key: ObjectKey, replacing replaced: String) {
            children[kind]?.writeThrough(key, nil, replacing: replaced, version: { $0.resourceVersion })
        }

        /// The status of `reconciled` written: `answer` is the server's answer. A status apply
        /// carries no precondition, so the answer also shows any spec change made since the
        /// reconcile read `reconciled` (a new generation); such an answer is left to the watch,
        /// whose event handler indexes the new dependencies and queues who they concern.
        public func wroteStatus(_ answer: Microservice, of reconciled: Microservice) {
            guard answer.metadata.generation == reconciled.metadata.generation, let cached = CachedMicroservice(answer) else { return }
            microservices.writeThrough(answer.objectKey, cached, replacing: reconciled.metadata.resourceVersion, version: { $0.resourceVersion })
        }
    }
}
