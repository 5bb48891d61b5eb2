@testable import KubeSandbox
import KubeModel
import Synchronization
import Testing

/// A write the storage cannot keep is not applied: no new revision, no stored object, no event,
/// and the storage's failure is what every later request is answered with.
@Suite struct StorageFailureTests {
    /// Keeps nothing and fails every change after the starting state.
    final class FailingStorage: ClusterStorage {
        private let first = Mutex<SandboxError?>(nil)
        func restore() -> ClusterState? { nil }
        func reset(to state: ClusterState) {}
        func record(_ event: HistoryEvent, key: String, stored: StoredObject?, compactedRevision: Int) throws(SandboxError) {
            let failure = SandboxError.storage("cannot write /data/sandbox.sqlite: database or disk is full")
            first.withLock { $0 = $0 ?? failure }
            throw failure
        }
        func compact(through revision: Int) {}
        var failure: SandboxError? { first.withLock { $0 } }
    }

    @Test func aWriteThatIsNotStoredIsNeitherAppliedNorSeen() async throws {
        let storage = FailingStorage()
        let store = try ClusterStore(schemas: nil, historyLimit: 100, defaultFieldValidation: .warn, storage: storage)
        let type = try #require(BuiltinResources.all.first { $0.storageKey == "configmaps" })
        let before = await store.revision
        let (_, events) = await store.watch(type, namespace: "default", query: ListQuery(resourceVersion: String(before)))
        _ = try await store.create(type, namespace: "default", body: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "lost"]],
                                   options: WriteOptions(fieldValidation: .warn))
        #expect(await store.revision == before)
        #expect(await store.stored(type, namespace: "default", name: "lost") == nil)
        #expect(storage.failure?.description == "storage: cannot write /data/sandbox.sqlite: database or disk is full")
        await store.dropWatches()
        var delivered = 0
        for await _ in events { delivered += 1 }
        #expect(delivered == 0)
    }
}
