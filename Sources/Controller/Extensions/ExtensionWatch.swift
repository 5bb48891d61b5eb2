import KubeClient
import KubeModel
import Logging
import OperatorRuntime
import Render
import ServiceLifecycle
import Synchronization

/// Keeps `ServedExtensions` true and the cache's extension-kind informers running for exactly
/// the kinds the operator can use. It asks discovery (and, per verb the reconciler uses, a
/// SelfSubjectAccessReview) at start and again whenever a CRD of those kinds is created,
/// changes or is deleted (CRDs are watched as metadata): no timer. When the usable kinds
/// change, every Microservice is reconciled again, so their objects appear, or their status
/// says why not, without restarting the operator.
public final class ExtensionWatch: ServiceLifecycle.Service, Sendable {
    /// What the reconciler does with every extension kind; Deploy/extensions grants exactly these.
    public static let verbs = ["get", "list", "watch", "create", "patch", "delete"]

    public let served: ServedExtensions
    private let client: KubernetesClient
    private let namespaces: [String]?
    private let cache: ClusterCache
    private let enqueue: ClusterCache.Enqueue
    private let allKeys: @Sendable () -> [ObjectKey]
    private let clock: any Clock<Duration>
    private let logger: Logger
    /// The informers running, per kind, for `hasSynced`.
    private let informers = Mutex<[ExtensionKind: [Informer<CachedChild>]]>([:])

    /// - Parameters:
    ///   - namespaces: the namespaces watched (nil for all), where access is reviewed and informers list.
    ///   - enqueue: where the keys of `allKeys` go when the usable kinds change.
    public init(client: KubernetesClient, namespaces: [String]?, cache: ClusterCache, served: ServedExtensions = ServedExtensions(),
                enqueue: @escaping ClusterCache.Enqueue, allKeys: @escaping @Sendable () -> [ObjectKey],
                clock: any Clock<Duration> = ContinuousClock(), logger: Logger) {
        self.client = client
        self.namespaces = namespaces
        self.cache = cache
        self.served = served
        self.enqueue = enqueue
        self.allKeys = allKeys
        self.clock = clock
        self.logger = logger
    }

    /// True once the first check has been made and the informers it started have listed.
    public var hasSynced: Bool {
        served.current.checked && informers.withLock { $0.values.allSatisfy { $0.allSatisfy(\.hasSynced) } }
    }

    public func run() async throws {
        let (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal.yield()
        let names = Set(ExtensionKind.allCases.map(\.crdName))
        let crds = Informer(source: .metadata(client, .customResourceDefinitions, namespace: nil), transform: { $0 }, handler: { change in
            if Self.concerns(change, names: names) { signal.yield() }
        }, clock: clock, logger: logger)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await crds.run() }
                group.addTask { await self.follow(signals, crds: crds.store, names: names) }
            }
        }
    }

    /// Whether a change among CRDs touches one of the extension kinds' (`names`).
    static func concerns(_ change: StoreChange<JSONValue>, names: Set<String>) -> Bool {
        let name = { (crd: JSONValue) in crd["metadata"]?["name"]?.stringValue ?? "" }
        switch change {
        case .relisted(let old, let new):
            return EnqueueMapping.changedKeys(old: old, new: new).contains { key in (new[key] ?? old[key]).map { names.contains(name($0)) } ?? false }
        case .upserted(_, let crd), .deleted(let crd):
            return names.contains(name(crd))
        }
    }

    /// Checks again on every signal until cancelled. A CRD that exists but is not (yet) served,
    /// or a check that failed, is looked at again a few times with growing delays (discovery
    /// follows a new CRD by moments), then left until the next CRD event.
    private func follow(_ signals: AsyncStream<Void>, crds: ObjectStore<JSONValue>, names: Set<String>) async {
        var running: [ExtensionKind: Task<Void, Never>] = [:]
        for await _ in signals {
            var attempt = 0
            while !Task.isCancelled {
                let (state, complete) = await check(previous: served.current)
                await apply(state, running: &running)
                let pending = crds.values().contains { crd in
                    let name = crd["metadata"]?["name"]?.stringValue ?? ""
                    return names.contains(name) && !state.served.contains { $0.crdName == name }
                }
                guard !complete || pending, attempt < 6 else { break }
                try? await clock.sleep(for: .milliseconds(500) * (1 << attempt))
                attempt += 1
            }
        }
        for task in running.values { task.cancel() }
        for task in running.values { await task.value }
    }

    /// Asks discovery and access reviews; a group whose discovery failed keeps what was known of
    /// it (`complete` is then false).
    private func check(previous: ServedExtensions.State) async -> (ServedExtensions.State, complete: Bool) {
        var state = ServedExtensions.State(checked: true)
        var complete = true
        for provider in ExtensionKind.Provider.allCases {
            let kinds = provider.kinds
            guard let first = kinds.first else { continue }
            do {
                let resources = try await client.discoverResources(group: first.group, version: first.version) ?? []
                for kind in kinds where resources.contains(where: { $0.name == kind.resource }) {
                    state.served.insert(kind)
                    if try await !isPermitted(kind) { state.forbidden.insert(kind) }
                }
            } catch {
                complete = false
                logger.warning("cannot tell whether \(first.apiVersion) is served: \(error)")
                state.served.formUnion(previous.served.intersection(kinds))
                state.forbidden.formUnion(previous.forbidden.intersection(kinds))
            }
        }
        return (state, complete)
    }

    /// Whether every verb the reconciler uses on `kind` is allowed in every namespace watched.
    private func isPermitted(_ kind: ExtensionKind) async throws -> Bool {
        for namespace in namespaces.map({ $0.map(Optional.some) }) ?? [nil] {
            for verb in Self.verbs where try await !client.isAllowed(verb, kind.resourceType, namespace: namespace) {
                return false
            }
        }
        return true
    }

    /// Records `state`, starts informers for kinds now usable, stops (and empties the stores of)
    /// those no longer usable, and reconciles everything again when that changed anything.
    private func apply(_ state: ServedExtensions.State, running: inout [ExtensionKind: Task<Void, Never>]) async {
        let old = served.update(state)
        let usable = state.usable
        for kind in usable.sorted() where running[kind] == nil {
            let writer = cache.writer(ChildKind(kind))
            let kindInformers = (namespaces.map { $0.map(Optional.some) } ?? [nil]).map { namespace in
                Informer(source: .objects(client, kind.resourceType, namespace: namespace, labelSelector: ChildKind.managedBySelector),
                         writer: writer, transform: CachedChild.init, handler: ClusterCache.childHandler(enqueue), clock: clock, logger: logger)
            }
            informers.withLock { $0[kind] = kindInformers }
            running[kind] = Task {
                await withDiscardingTaskGroup { group in
                    for informer in kindInformers { group.addTask { await informer.run() } }
                }
            }
        }
        for (kind, task) in running where !usable.contains(kind) {
            task.cancel()
            await task.value
            running[kind] = nil
            informers.withLock { $0[kind] = nil }
            cache.writer(ChildKind(kind)).replace(scope: nil, with: [:])
        }
        guard old.usable != usable || old.forbidden != state.forbidden || !old.checked else { return }
        let names = { (kinds: Set<ExtensionKind>) in kinds.isEmpty ? "none" : kinds.sorted().map(\.kind).joined(separator: ", ") }
        let unserved = names(Set(ExtensionKind.allCases).subtracting(state.served))
        logger.notice("extension kinds: managing \(names(usable)); not served: \(unserved); served but not permitted: \(names(state.forbidden))")
        if old.checked { await enqueue(allKeys(), .low) }
    }
}
