import Foundation
import KubeModel
import KubeSchema

/// The cluster's state: objects by resource, one cluster-wide resourceVersion counter, a bounded
/// history of changes, and the open watches. All API semantics run inside this actor, so every
/// write is atomic and every watcher sees changes in resourceVersion order.
actor ClusterStore {
    var catalog = Catalog()
    /// storageKey → "namespace/name" (or "name") → object.
    var objects: [String: [String: StoredObject]] = [:]
    var revision = 0
    var history: [HistoryEvent] = []
    /// Events at or below this revision are gone; a watch from an older revision gets 410.
    var compactedRevision = 0
    let historyLimit: Int
    let schemas: OpenAPISchemas?
    let defaultFieldValidation: FieldValidation
    /// Where Services' cluster IPs come from.
    let serviceNetwork: ServiceNetwork
    var watchers: [Int: Watcher] = [:]
    var nextWatcherID = 0
    /// Wakes the controllers after every commit (see `ControllerManager`).
    var controllerWakeup: AsyncStream<Void>.Continuation?
    /// The controllers' clock and their delayed work.
    var controllerClock = ControllerClock()
    /// When open watches get their scheduled bookmarks and reach their deadline.
    var watchSchedule: WatchSchedule
    /// Wakes the task that serves `watchSchedule` when what falls due next may have changed.
    var watchTimerWakeup: AsyncStream<Void>.Continuation?
    /// The CA bundle published in every namespace's `kube-root-ca.crt` ConfigMap.
    var rootCABundle = ""
    /// The cluster IPs the stored Services hold, with how many hold each (`ClusterStore+ServiceAllocation`).
    var serviceAddresses: [String: Int] = [:]

    struct Watcher {
        var type: ServedResource
        var namespace: String?
        var query: ListQuery
        var continuation: AsyncStream<WatchMessage>.Continuation
        /// Where the watch started (requested or initial state, and events replayed): a
        /// scheduled bookmark goes out only at a newer resourceVersion, as from the watch cache.
        var startRevision = 0
    }

    /// Where every commit is recorded before it is answered; `MemoryStorage` keeps nothing.
    nonisolated let storage: any ClusterStorage

    /// A store with the state `storage` kept, or (when it kept none) the system namespaces only,
    /// then recorded in `storage`.
    init(schemas: OpenAPISchemas?, historyLimit: Int, defaultFieldValidation: FieldValidation,
         serviceNetwork: ServiceNetwork = .default, storage: any ClusterStorage = MemoryStorage(),
         bookmarkFrequency: Duration? = .seconds(60)) throws(SandboxError) {
        self.schemas = schemas
        // The controllers' clock starts at the wall clock.
        watchSchedule = WatchSchedule(origin: .now, frequency: bookmarkFrequency)
        self.serviceNetwork = serviceNetwork
        self.historyLimit = max(1, historyLimit)
        self.defaultFieldValidation = defaultFieldValidation
        self.storage = storage
        if let restored = try storage.restore() {
            objects = restored.objects
            revision = restored.revision
            history = restored.history
            compactedRevision = restored.compactedRevision
            catalog = Self.catalog(serving: restored.objects[Self.crdStorageKey] ?? [:])
            for service in (restored.objects[Self.serviceStorageKey] ?? [:]).values { Self.countAddress(of: service.value, by: 1, in: &serviceAddresses) }
            return
        }
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            revision += 1
            var namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)],
                                        "status": ["phase": "Active"]]
            namespace = Self.withSystemMetadata(namespace)
            namespace["metadata"]?["resourceVersion"] = .string(String(revision))
            objects["namespaces", default: [:]][name] = StoredObject(value: namespace)
        }
        // Like a watch cache started after these writes, history begins now.
        compactedRevision = revision
        try storage.reset(to: ClusterState(objects: objects, revision: revision, compactedRevision: compactedRevision, history: []))
    }

    static func key(namespace: String, name: String) -> String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    func stored(_ type: ServedResource, namespace: String, name: String) -> StoredObject? {
        objects[type.storageKey]?[Self.key(namespace: type.namespaced ? namespace : "", name: name)]
    }

    func existing(_ type: ServedResource, namespace: String, name: String) throws(SandboxError) -> StoredObject {
        guard let object = stored(type, namespace: namespace, name: name) else { throw .api(.notFound(type, name)) }
        return object
    }

    /// The object as served at `type`'s version (a CRD stored at another version only changes apiVersion).
    func served(_ value: JSONValue, as type: ServedResource) -> JSONValue {
        var value = EventConversion.isEventsView(type) ? EventConversion.eventsView(value) : value
        value = HorizontalPodAutoscalerConversion.served(value, as: type)
        value["apiVersion"] = .string(type.apiVersion)
        value["kind"] = .string(type.kind)
        return value
    }

    func get(_ type: ServedResource, namespace: String, name: String) throws(SandboxError) -> JSONValue {
        served(try existing(type, namespace: namespace, name: name).value, as: type)
    }

    /// Stamps a new resourceVersion, stores (or removes) the object, records and fans out the event.
    @discardableResult
    func commit(_ object: StoredObject, storageKey: String, key: String, kind: HistoryEvent.Kind,
                previous: JSONValue?) -> JSONValue {
        var stamped = object
        stamped.value["metadata"]?["resourceVersion"] = .string(String(revision + 1))
        let event = HistoryEvent(revision: revision + 1, storageKey: storageKey, namespace: stamped.namespace,
                                 kind: kind, object: stamped.value, previous: previous)
        let dropped = history.count + 1 - historyLimit
        let compacted = dropped > 0 ? history[dropped - 1].revision : compactedRevision
        // Stored before it is applied: a write that is not stored is neither seen nor acknowledged
        // (the storage's failure answers every request from now on).
        guard (try? storage.record(event, key: key, stored: kind == .deleted ? nil : stamped, compactedRevision: compacted)) != nil else {
            return stamped.value
        }
        revision += 1
        if storageKey == Self.serviceStorageKey { trackAddresses(old: objects[storageKey]?[key]?.value, new: kind == .deleted ? nil : stamped.value) }
        if kind == .deleted {
            objects[storageKey]?[key] = nil
        } else {
            objects[storageKey, default: [:]][key] = stamped
        }
        history.append(event)
        if dropped > 0 {
            compactedRevision = compacted
            history.removeFirst(dropped)
        }
        for (_, watcher) in watchers { deliver(event, to: watcher) }
        controllerWakeup?.yield()
        return stamped.value
    }

    /// uid, creationTimestamp and generation for a newly created object.
    static func withSystemMetadata(_ value: JSONValue) -> JSONValue {
        var value = value
        value["metadata"]?["uid"] = .string(UUID().uuidString.lowercased())
        value["metadata"]?["creationTimestamp"] = .string(timestamp())
        value["metadata"]?["generation"] = 1
        return value
    }

    static func timestamp(_ date: Date = .now) -> String {
        date.formatted(.iso8601)
    }

    /// Every stored object, with its storage key and map key.
    func allObjects() -> [(storageKey: String, key: String, object: StoredObject)] {
        objects.flatMap { storageKey, byKey in byKey.map { (storageKey, $0.key, $0.value) } }
    }
}
