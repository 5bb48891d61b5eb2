/// One stored object, as JSON text: the object, and what each field manager owns of it.
public struct ObjectRecord: Sendable, Equatable {
    /// The resource it is stored under (`deployments.apps`).
    public var storageKey: String
    /// `namespace/name`, or `name` for a cluster-scoped object.
    public var key: String
    public var value: String
    public var applied: String

    public init(storageKey: String, key: String, value: String, applied: String) {
        self.storageKey = storageKey
        self.key = key
        self.value = value
        self.applied = applied
    }
}

/// One change in the event history that watches replay from.
public struct EventRecord: Sendable, Equatable {
    public var revision: Int
    public var storageKey: String
    public var namespace: String
    /// `ADDED`, `MODIFIED` or `DELETED`.
    public var kind: String
    public var object: String
    public var previous: String?

    public init(revision: Int, storageKey: String, namespace: String, kind: String, object: String, previous: String?) {
        self.revision = revision
        self.storageKey = storageKey
        self.namespace = namespace
        self.kind = kind
        self.object = object
        self.previous = previous
    }
}

/// One committed write: the event, the object's new state (nil when it was deleted) and how far
/// the history is compacted after it. Stored in one transaction.
public struct StorageChange: Sendable, Equatable {
    public var event: EventRecord
    public var key: String
    public var object: ObjectRecord?
    /// Events at or below this revision are dropped.
    public var compactedRevision: Int

    public init(event: EventRecord, key: String, object: ObjectRecord?, compactedRevision: Int) {
        self.event = event
        self.key = key
        self.object = object
        self.compactedRevision = compactedRevision
    }
}

/// Everything stored: the objects, the kept history, the latest revision and the compaction point.
public struct StorageSnapshot: Sendable, Equatable {
    public var revision: Int
    public var compactedRevision: Int
    public var objects: [ObjectRecord]
    /// Oldest first.
    public var events: [EventRecord]

    public init(revision: Int, compactedRevision: Int, objects: [ObjectRecord], events: [EventRecord]) {
        self.revision = revision
        self.compactedRevision = compactedRevision
        self.objects = objects
        self.events = events
    }
}
