import KubeClient
import KubeModel
import Logging
import OperatorRuntime
import ServiceLifecycle
import ShipshapeAPI

/// The operator's view of the cluster: Microservices, their children (selected by the
/// managed-by label, so memory grows with what Shipshape manages), and the metadata of Secrets
/// and ConfigMaps (never their data). Change handlers turn each change into the keys to
/// reconcile: watch events at normal priority, relists at low.
public final class ClusterCache: ServiceLifecycle.Service, Sendable {
    public typealias Enqueue = @Sendable (_ keys: [ObjectKey], _ priority: WorkQueue<ObjectKey>.Priority) async -> Void

    public let microservices: MicroserviceStore
    public let children: [ChildKind: ChildStore]
    public let secrets: ObjectStore<JSONValue>
    public let configMaps: ObjectStore<JSONValue>
    /// The writers of the Microservice and child stores, held for their informers (the
    /// extension kinds' start later) and for `writeThrough`; users of the cache only read.
    let microserviceWriter = StoreWriter<CachedMicroservice>()
    let childWriters: [ChildKind: StoreWriter<CachedChild>]
    /// Microservice → the Microservices it depends on by name, and the reverse.
    let dependencyIndex = ReferenceIndex<ObjectKey>()
    /// Microservice → the Secrets and ConfigMaps it reads, and the reverse.
    let referenceIndex = ReferenceIndex<EnqueueMapping.Reference>()
    private let informers: [@Sendable () async -> Void]
    private let syncChecks: [@Sendable () -> Bool]

    /// Sources for every kind, per namespace (nil for all namespaces).
    public struct Sources: Sendable {
        public var microservices: [ListWatchSource]
        public var children: [ChildKind: [ListWatchSource]]
        public var secrets: [ListWatchSource]
        public var configMaps: [ListWatchSource]

        /// The API server's, through `client`; Secrets are not watched unless `secrets`.
        public static func live(_ client: KubernetesClient, namespaces: [String]?, secrets: Bool = true) -> Sources {
            let scopes: [String?] = namespaces.map { $0.map(Optional.some) } ?? [nil]
            return Sources(
                microservices: scopes.map { .objects(client, .microservices, namespace: $0) },
                children: Dictionary(uniqueKeysWithValues: ChildKind.core.map { kind in
                    (kind, scopes.map { ListWatchSource.objects(client, kind.resource, namespace: $0, labelSelector: ChildKind.managedBySelector) })
                }),
                secrets: secrets ? scopes.map { .metadata(client, .secrets, namespace: $0) } : [],
                configMaps: scopes.map { .metadata(client, .configMaps, namespace: $0) })
        }
    }

    public init(sources: Sources, enqueue: @escaping Enqueue, clock: any Clock<Duration> = ContinuousClock(), logger: Logger) {
        var informers: [@Sendable () async -> Void] = []
        var syncChecks: [@Sendable () -> Bool] = []
        func add<Value>(_ informer: Informer<Value>) {
            informers.append { await informer.run() }
            syncChecks.append { informer.hasSynced }
        }
        let microservices = microserviceWriter
        self.microservices = MicroserviceStore(microservices.store)
        let dependencyIndex = self.dependencyIndex, referenceIndex = self.referenceIndex
        let dependents: @Sendable (ObjectKey) -> [ObjectKey] = { dependencyIndex.sources(of: $0) }
        let index: @Sendable (ObjectKey, Microservice?) -> Void = { key, microservice in
            dependencyIndex.set(key, targets: Set(microservice.map(EnqueueMapping.dependencies) ?? []))
            referenceIndex.set(key, targets: Set(microservice.map(EnqueueMapping.references) ?? []))
        }
        for source in sources.microservices {
            add(Informer(source: source, writer: microservices, transform: { Self.decodeMicroservice($0, logger: logger).flatMap(CachedMicroservice.init) },
                         handler: { change in
                switch change {
                case .relisted(let old, let new):
                    let changed = EnqueueMapping.changedKeys(old: old, new: new)
                    var keys: [ObjectKey] = []
                    for key in changed {
                        let (before, after) = (old[key]?.value, new[key]?.value)
                        index(key, after)
                        keys += EnqueueMapping.keys(old: before, new: after, dependents: dependents)
                    }
                    await enqueue(keys, .low)
                case .upserted(let old, let new):
                    guard let new = new.value else { return }
                    index(new.objectKey, new)
                    await enqueue(EnqueueMapping.keys(old: old?.value, new: new, dependents: dependents), .normal)
                case .deleted(let old):
                    guard let old = old.value else { return }
                    index(old.objectKey, nil)
                    await enqueue(EnqueueMapping.keys(old: old, new: nil, dependents: dependents), .normal)
                }
            }, clock: clock, logger: logger))
        }
        var childStores: [ChildKind: ChildStore] = [:], childWriters: [ChildKind: StoreWriter<CachedChild>] = [:]
        for kind in ChildKind.allCases {
            let writer = StoreWriter<CachedChild>()
            (childStores[kind], childWriters[kind]) = (ChildStore(writer.store), writer)
            for source in sources.children[kind] ?? [] {
                add(Informer(source: source, writer: writer, transform: CachedChild.init, handler: Self.childHandler(enqueue), clock: clock, logger: logger))
            }
        }
        children = childStores
        self.childWriters = childWriters
        let secrets = StoreWriter<JSONValue>(), configMaps = StoreWriter<JSONValue>()
        self.secrets = secrets.store
        self.configMaps = configMaps.store
        for (kind, writer, kindSources) in [("Secret", secrets, sources.secrets), ("ConfigMap", configMaps, sources.configMaps)] {
            let referencing: @Sendable (JSONValue) -> [ObjectKey] = { object in
                referenceIndex.sources(of: EnqueueMapping.Reference(kind: kind, object.objectKey))
            }
            for source in kindSources {
                add(Informer(source: source, writer: writer, transform: { $0 }, handler: { change in
                    switch change {
                    case .relisted(let old, let new):
                        let keys = EnqueueMapping.changedKeys(old: old, new: new).flatMap { key in
                            (new[key] ?? old[key]).map(referencing) ?? []
                        }
                        await enqueue(Array(Set(keys)), .low)
                    case .upserted(_, let object), .deleted(let object):
                        await enqueue(referencing(object), .normal)
                    }
                }, clock: clock, logger: logger))
            }
        }
        self.informers = informers
        self.syncChecks = syncChecks
    }

    /// Reconciles the owner of every child that changed: watch events at normal priority, relists at low.
    static func childHandler(_ enqueue: @escaping Enqueue) -> @Sendable (StoreChange<CachedChild>) async -> Void {
        { change in
            switch change {
            case .relisted(let old, let new):
                let keys = EnqueueMapping.changedKeys(old: old, new: new).compactMap { key in (new[key] ?? old[key])?.owner }
                await enqueue(Array(Set(keys)), .low)
            case .upserted(_, let object), .deleted(let object):
                if let owner = object.owner { await enqueue([owner], .normal) }
            }
        }
    }

    /// The keys of the Microservices that depend on the one with `key` by name.
    public func dependents(of key: ObjectKey) -> [ObjectKey] { dependencyIndex.sources(of: key) }

    /// The store of one child kind.
    public func store(_ kind: ChildKind) -> ChildStore {
        children[kind] ?? ChildStore()
    }

    /// The writer of one child kind's store.
    func writer(_ kind: ChildKind) -> StoreWriter<CachedChild> {
        childWriters[kind] ?? StoreWriter()
    }

    /// True once every informer has listed once (`/readyz`).
    public var hasSynced: Bool { syncChecks.allSatisfy { $0() } }

    /// Runs every informer until cancelled or the graceful shutdown (which comes after the
    /// controller has drained, so in-flight reconciles read a live cache).
    public func run() async throws {
        let informers = self.informers
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for informer in informers { group.addTask { await informer() } }
            }
        }
    }

    static func decodeMicroservice(_ value: JSONValue, logger: Logger) -> Microservice? {
        do {
            return try JSONValueDecoder().decode(Microservice.self, from: value)
        } catch {
            logger.warning("cannot read Microservice \(value.objectKey): \(error)", metadata: ["object": "\(value.objectKey)"])
            return nil
        }
    }
}

extension ResourceType {
    /// `microservices.v1alpha1.shipshape.dev`.
    public static let microservices = ResourceType(
        group: Microservice.group, version: Microservice.version, resource: Microservice.plural, kind: Microservice.kind, namespaced: true)
}
