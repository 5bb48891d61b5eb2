import Foundation
import GRDB

/// The sandbox's objects, event history and secrets in `DIR/sandbox.sqlite`, one process at a
/// time (`DIR/lock`). The database is in WAL mode with `synchronous=FULL`: a write has reached
/// the disk when `write` returns, so a crash (kill -9, power loss) loses no acknowledged write.
public final class SQLiteStorage: Sendable {
    public let directory: String
    /// The database file.
    public let file: String
    private let lock: DirectoryLock
    private let database: DatabaseQueue

    /// Opens (creating when missing) the storage in `directory`: takes the lock, checks the
    /// database's integrity and brings its schema up to date.
    public init(directory: String) throws(StorageError) {
        do {
            // Owner-only: the database holds the sandbox's CA key and token signing key.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .directory(directory, reason: "cannot create it: \(error.localizedDescription)")
        }
        let file = directory + "/sandbox.sqlite"
        lock = try DirectoryLock(directory: directory)
        var configuration = Configuration()
        configuration.label = "shipshape.sandbox"
        configuration.prepareDatabase { db in
            // Set here rather than with `journalMode = .wal`, which would lower synchronous to NORMAL.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            if !FileManager.default.fileExists(atPath: file) {
                _ = FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let database = try DatabaseQueue(path: file, configuration: configuration)
            try database.write { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else { throw StorageError.unreadable(file: file, reason: "corrupt: " + check.prefix(3).joined(separator: "; ")) }
                if try Self.migrator.hasBeenSuperseded(db) {
                    throw StorageError.unreadable(file: file, reason: "written by a newer version of shipshape")
                }
            }
            try Self.migrator.migrate(database)
            self.database = database
        } catch let error as StorageError {
            throw error
        } catch {
            throw .unreadable(file: file, reason: Self.reason(error))
        }
        self.directory = directory
        self.file = file
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE objects (storage_key TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, applied TEXT NOT NULL,
                                      PRIMARY KEY (storage_key, key)) WITHOUT ROWID;
                CREATE TABLE events (revision INTEGER PRIMARY KEY, storage_key TEXT NOT NULL, namespace TEXT NOT NULL,
                                     kind TEXT NOT NULL, object TEXT NOT NULL, previous TEXT);
                CREATE TABLE state (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    /// Everything stored, or nil when nothing was ever stored.
    public func load() throws(StorageError) -> StorageSnapshot? {
        do {
            return try database.read { db -> StorageSnapshot? in
                guard let revision = try Self.number("revision", db) else { return nil }
                let objects = try Row.fetchAll(db, sql: "SELECT storage_key, key, value, applied FROM objects").map { row in
                    ObjectRecord(storageKey: row[0], key: row[1], value: row[2], applied: row[3])
                }
                let events = try Row.fetchAll(db, sql: "SELECT revision, storage_key, namespace, kind, object, previous FROM events ORDER BY revision")
                    .map { row in
                        EventRecord(revision: row[0], storageKey: row[1], namespace: row[2], kind: row[3], object: row[4], previous: row[5])
                    }
                return StorageSnapshot(revision: revision, compactedRevision: try Self.number("compactedRevision", db) ?? revision,
                                       objects: objects, events: events)
            }
        } catch {
            throw .unreadable(file: file, reason: Self.reason(error))
        }
    }

    /// Replaces everything stored with `snapshot` (a new store's starting state).
    public func reset(to snapshot: StorageSnapshot) throws(StorageError) {
        try write { db in
            try db.execute(sql: "DELETE FROM objects; DELETE FROM events")
            for object in snapshot.objects { try Self.upsert(object, db) }
            for event in snapshot.events { try Self.insert(event, db) }
            try Self.setNumber("revision", snapshot.revision, db)
            try Self.setNumber("compactedRevision", snapshot.compactedRevision, db)
        }
    }

    /// Stores one committed change in one transaction, durably.
    public func write(_ change: StorageChange) throws(StorageError) {
        try write { db in
            if let object = change.object {
                try Self.upsert(object, db)
            } else {
                try db.execute(sql: "DELETE FROM objects WHERE storage_key = ? AND key = ?", arguments: [change.event.storageKey, change.key])
            }
            try Self.insert(change.event, db)
            try db.execute(sql: "DELETE FROM events WHERE revision <= ?", arguments: [change.compactedRevision])
            try Self.setNumber("revision", change.event.revision, db)
            try Self.setNumber("compactedRevision", change.compactedRevision, db)
        }
    }

    /// Drops the events at or below `revision`.
    public func compact(through revision: Int) throws(StorageError) {
        try write { db in
            try db.execute(sql: "DELETE FROM events WHERE revision <= ?", arguments: [revision])
            try Self.setNumber("compactedRevision", revision, db)
        }
    }

    /// A named secret (a CA key, a token signing key), or nil when none is stored.
    public func secret(_ name: String) throws(StorageError) -> String? {
        do {
            return try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM state WHERE name = ?", arguments: ["secret." + name]) }
        } catch {
            throw .unreadable(file: file, reason: Self.reason(error))
        }
    }

    /// Stores a named secret, replacing any stored before.
    public func setSecret(_ name: String, _ value: String) throws(StorageError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)", arguments: ["secret." + name, value])
        }
    }

    private func write(_ updates: (Database) throws -> Void) throws(StorageError) {
        do {
            try database.write(updates)
        } catch {
            throw .writeFailed(file: file, reason: Self.reason(error))
        }
    }

    private static func upsert(_ object: ObjectRecord, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO objects (storage_key, key, value, applied) VALUES (?, ?, ?, ?)",
                       arguments: [object.storageKey, object.key, object.value, object.applied])
    }

    private static func insert(_ event: EventRecord, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO events (revision, storage_key, namespace, kind, object, previous) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [event.revision, event.storageKey, event.namespace, event.kind, event.object, event.previous])
    }

    private static func number(_ name: String, _ db: Database) throws -> Int? {
        try String.fetchOne(db, sql: "SELECT value FROM state WHERE name = ?", arguments: [name]).flatMap { Int($0) }
    }

    private static func setNumber(_ name: String, _ value: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)", arguments: [name, String(value)])
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}

extension SQLiteStorage {
    /// A pragma's value as text (`journal_mode`, `synchronous`), for checks.
    public func pragma(_ name: String) throws(StorageError) -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        do {
            return try database.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
        } catch {
            throw .unreadable(file: file, reason: "\(error)")
        }
    }
}
