/// The writing side of an `ObjectStore` (kube-rs's `reflector::store::Writer`): whoever makes
/// the store keeps this and hands it only to the informers that keep the store true (one per
/// namespace watched); everyone else gets `store`, which only reads. Besides what the informers
/// list and watch, the one write is `writeThrough`, for a controller's own writes.
public struct StoreWriter<Value: Sendable>: Sendable {
    /// The store this writer changes, read-only.
    public let store: ObjectStore<Value>

    /// A writer of a new, empty store.
    public init() {
        store = ObjectStore()
    }

    /// Stores `value` under `key`; returns what it replaced.
    @discardableResult
    public func set(_ key: ObjectKey, _ value: Value) -> Value? { store.set(key, value) }

    /// Removes `key`; returns what was there.
    @discardableResult
    public func remove(_ key: ObjectKey) -> Value? { store.remove(key) }

    /// Replaces every object of `scope` (one namespace, or all when nil) with `objects`;
    /// returns the objects replaced, by key.
    @discardableResult
    public func replace(scope: String?, with objects: [ObjectKey: Value]) -> [ObjectKey: Value] {
        store.replace(scope: scope, with: objects)
    }

    /// Records what one of the controller's own writes left under `key` (`value`, nil after a
    /// delete) before the watch reports it, so a reconcile that runs meanwhile does not act on
    /// the state it just changed, but only while the store still holds the version the write
    /// replaced (`replaced`, nil for an object that did not exist): once the watch has delivered
    /// anything else, the store is left to the watch. Versions (read by `version`) are opaque:
    /// compared for equality only. Returns whether it wrote.
    @discardableResult
    public func writeThrough(_ key: ObjectKey, _ value: Value?, replacing replaced: String?, version: (Value) -> String?) -> Bool {
        store.update(key, to: value, ifVersion: replaced, version: version)
    }
}
