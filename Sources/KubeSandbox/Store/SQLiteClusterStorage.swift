import KubeModel
import SandboxStorage
import Synchronization

/// The store's state in SQLite (`SandboxOptions.dataDirectory`): objects and their field
/// ownership, the bounded event history, the revision counter.
final class SQLiteClusterStorage: ClusterStorage {
    let database: SQLiteStorage
    private let firstFailure = Mutex<SandboxError?>(nil)

    init(_ database: SQLiteStorage) { self.database = database }

    var failure: SandboxError? { firstFailure.withLock { $0 } }

    func restore() throws(SandboxError) -> ClusterState? {
        guard let snapshot = try Self.storageCall({ () throws(StorageError) in try database.load() }) else { return nil }
        var objects: [String: [String: StoredObject]] = [:]
        for record in snapshot.objects {
            let what = "object \(record.storageKey) \(record.key)"
            guard let applied = AppliedIntent.fromStorageJSON(try parse(record.applied, what)) else {
                throw .storage("cannot read \(database.file): \(what): unreadable field ownership")
            }
            objects[record.storageKey, default: [:]][record.key] = StoredObject(value: try parse(record.value, what), applied: applied)
        }
        var history: [HistoryEvent] = []
        for record in snapshot.events {
            let what = "event \(record.revision)"
            guard let kind = HistoryEvent.Kind(rawValue: record.kind) else {
                throw .storage("cannot read \(database.file): \(what): unknown kind \(record.kind)")
            }
            history.append(HistoryEvent(revision: record.revision, storageKey: record.storageKey, namespace: record.namespace, kind: kind,
                                        object: try parse(record.object, what), previous: try record.previous.map { text throws(SandboxError) in try parse(text, what) }))
        }
        return ClusterState(objects: objects, revision: snapshot.revision, compactedRevision: snapshot.compactedRevision, history: history)
    }

    func reset(to state: ClusterState) throws(SandboxError) {
        let objects = state.objects.flatMap { storageKey, byKey in
            byKey.map { Self.record($0.value, storageKey: storageKey, key: $0.key) }
        }
        let snapshot = StorageSnapshot(revision: state.revision, compactedRevision: state.compactedRevision, objects: objects,
                                       events: state.history.map(Self.record))
        try guarded { () throws(StorageError) in try database.reset(to: snapshot) }
    }

    func record(_ event: HistoryEvent, key: String, stored: StoredObject?, compactedRevision: Int) throws(SandboxError) {
        let change = StorageChange(event: Self.record(event), key: key,
                                   object: stored.map { Self.record($0, storageKey: event.storageKey, key: key) },
                                   compactedRevision: compactedRevision)
        try guarded { () throws(StorageError) in try database.write(change) }
    }

    func compact(through revision: Int) throws(SandboxError) {
        try guarded { () throws(StorageError) in try database.compact(through: revision) }
    }

    /// Runs a write; its failure is kept as `failure` and thrown.
    private func guarded(_ write: () throws(StorageError) -> Void) throws(SandboxError) {
        if let failure { throw failure }
        do { try write() } catch {
            let failure = SandboxError.storage(error.description)
            firstFailure.withLock { $0 = $0 ?? failure }
            throw failure
        }
    }

    private func parse(_ text: String, _ what: String) throws(SandboxError) -> JSONValue {
        do { return try JSONValue(parsingJSON: text) } catch {
            throw .storage("cannot read \(database.file): \(what): \(error)")
        }
    }

    static func storageCall<T>(_ body: () throws(StorageError) -> T) throws(SandboxError) -> T {
        do { return try body() } catch { throw .storage(error.description) }
    }

    private static func record(_ object: StoredObject, storageKey: String, key: String) -> ObjectRecord {
        ObjectRecord(storageKey: storageKey, key: key, value: object.value.jsonText(),
                     applied: AppliedIntent.storageJSON(object.applied).jsonText())
    }

    private static func record(_ event: HistoryEvent) -> EventRecord {
        EventRecord(revision: event.revision, storageKey: event.storageKey, namespace: event.namespace, kind: event.kind.rawValue,
                    object: event.object.jsonText(), previous: event.previous?.jsonText())
    }
}
