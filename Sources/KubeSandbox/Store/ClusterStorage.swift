import KubeModel

/// Where the store keeps its state beyond memory. `ClusterStore.commit`, the one point every
/// write goes through, records each change here before it is applied in memory and answered.
protocol ClusterStorage: Sendable {
    /// The stored state, or nil when nothing was stored yet.
    func restore() throws(SandboxError) -> ClusterState?
    /// Replaces whatever is stored with a new store's starting state.
    func reset(to state: ClusterState) throws(SandboxError)
    /// Stores one committed change: its event, the object's new state (nil when it was deleted,
    /// at `key`) and the history's compaction point after it.
    func record(_ event: HistoryEvent, key: String, stored: StoredObject?, compactedRevision: Int) throws(SandboxError)
    /// Drops the history at or below `revision`.
    func compact(through revision: Int) throws(SandboxError)
    /// The first write that failed: from then on the sandbox answers every request with it (500),
    /// as an API server whose etcd is gone, rather than acknowledge what is not stored.
    var failure: SandboxError? { get }
}

/// The state a store starts from.
struct ClusterState: Sendable {
    var objects: [String: [String: StoredObject]]
    var revision: Int
    var compactedRevision: Int
    var history: [HistoryEvent]
}

/// No storage: the sandbox lives in memory only (tests, benchmarks, `shipshape dev` without `--data-dir`).
struct MemoryStorage: ClusterStorage {
    func restore() -> ClusterState? { nil }
    func reset(to state: ClusterState) {}
    func record(_ event: HistoryEvent, key: String, stored: StoredObject?, compactedRevision: Int) {}
    func compact(through revision: Int) {}
    var failure: SandboxError? { nil }
}
