import Foundation
import SandboxStorage
import Testing

/// The SQLite storage against a temporary directory: what is written is read back after the
/// storage is closed and opened again, one process (here: one open storage) at a time, and a
/// damaged database is an error naming the file.
@Suite struct SQLiteStorageTests {
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-storage-\(UUID().uuidString)").path
    }

    static func event(_ revision: Int, _ kind: String = "ADDED", name: String = "a") -> EventRecord {
        EventRecord(revision: revision, storageKey: "configmaps", namespace: "default", kind: kind,
                    object: #"{"metadata":{"name":"\#(name)","resourceVersion":"\#(revision)"}}"#, previous: kind == "ADDED" ? nil : "{}")
    }

    static func change(_ revision: Int, _ kind: String = "ADDED", name: String = "a", compacted: Int = 4) -> StorageChange {
        let event = event(revision, kind, name: name)
        let object = kind == "DELETED" ? nil
            : ObjectRecord(storageKey: "configmaps", key: "default/\(name)", value: event.object, applied: "[]")
        return StorageChange(event: event, key: "default/\(name)", object: object, compactedRevision: compacted)
    }

    @Test func anEmptyDirectoryHoldsNothingAndIsCreatedOwnerOnly() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try SQLiteStorage(directory: directory + "/nested")
        #expect(try storage.load() == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: storage.file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func writesAreReadBackAfterReopening() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let initial = ObjectRecord(storageKey: "namespaces", key: "default", value: #"{"metadata":{"name":"default"}}"#, applied: "[]")
        do {
            let storage = try SQLiteStorage(directory: directory)
            try storage.reset(to: StorageSnapshot(revision: 4, compactedRevision: 4, objects: [initial], events: []))
            try storage.write(Self.change(5))
            try storage.write(Self.change(6, name: "b"))
            try storage.write(Self.change(7, "MODIFIED"))
            try storage.write(Self.change(8, "DELETED", name: "b"))
            try storage.setSecret("ca.key", "PEM")
        }
        let reopened = try SQLiteStorage(directory: directory)
        let snapshot = try #require(try reopened.load())
        #expect(snapshot.revision == 8)
        #expect(snapshot.compactedRevision == 4)
        #expect(snapshot.events.map(\.revision) == [5, 6, 7, 8])
        #expect(snapshot.events[2] == Self.event(7, "MODIFIED"))
        #expect(Set(snapshot.objects.map(\.key)) == ["default", "default/a"])
        #expect(snapshot.objects.first { $0.key == "default/a" }?.value == Self.event(7, "MODIFIED").object)
        #expect(try reopened.secret("ca.key") == "PEM")
        #expect(try reopened.secret("missing") == nil)
    }

    @Test func historyAtOrBelowTheCompactionPointIsDropped() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try SQLiteStorage(directory: directory)
        try storage.reset(to: StorageSnapshot(revision: 0, compactedRevision: 0, objects: [], events: []))
        for revision in 1...5 { try storage.write(Self.change(revision, revision == 1 ? "ADDED" : "MODIFIED", compacted: max(0, revision - 3))) }
        var snapshot = try #require(try storage.load())
        #expect(snapshot.events.map(\.revision) == [3, 4, 5])
        #expect(snapshot.compactedRevision == 2)
        try storage.compact(through: 5)
        snapshot = try #require(try storage.load())
        #expect(snapshot.events.isEmpty)
        #expect(snapshot.compactedRevision == 5)
        #expect(snapshot.revision == 5)
    }

    @Test func theDatabaseIsInWALModeAndSyncsEveryCommit() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try SQLiteStorage(directory: directory)
        #expect(try storage.pragma("journal_mode") == "wal")
        #expect(try storage.pragma("synchronous") == "2", "2 is FULL")
    }

    @Test func aSecondOpenOfTheSameDirectoryFailsNamingIt() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try SQLiteStorage(directory: directory)
        #expect(throws: StorageError.inUse(directory: directory, holder: String(getpid()))) { try SQLiteStorage(directory: directory) }
        _ = first
    }

    @Test func aCorruptDatabaseIsAnErrorNamingTheFile() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/sandbox.sqlite"
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: StorageError.self) { try SQLiteStorage(directory: directory) }
        guard case .unreadable(let named, let reason)? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(named == file)
        #expect(reason.contains("not a database"), "\(reason)")
        #expect(error?.description.hasPrefix("cannot read \(file): ") == true)
    }
}
