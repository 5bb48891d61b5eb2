import Synchronization

/// A cache of one kind of object keyed by namespace and name, read-only: only its `StoreWriter`,
/// which the informers that keep it hold, changes it. A relist replaces a namespace's worth (or
/// all) at once, so readers never see half of an old list and half of a new one.
public final class ObjectStore<Value: Sendable>: Sendable {
    private let state = Mutex<[String: [String: Value]]>([:])

    public init() {}

    /// The object `namespace/name`, if cached.
    public func get(namespace: String, name: String) -> Value? {
        state.withLock { $0[namespace]?[name] }
    }

    /// The object with `key`.
    public func get(_ key: ObjectKey) -> Value? {
        get(namespace: key.namespace, name: key.name)
    }

    /// Every object in `namespace`, by name.
    public func objects(in namespace: String) -> [String: Value] {
        state.withLock { $0[namespace] ?? [:] }
    }

    /// Every object, by key.
    public func all() -> [ObjectKey: Value] {
        state.withLock { namespaces in
            var result: [ObjectKey: Value] = [:]
            for (namespace, objects) in namespaces {
                for (name, value) in objects { result[ObjectKey(namespace: namespace, name: name)] = value }
            }
            return result
        }
    }

    /// Every object, in no particular order.
    public func values() -> [Value] {
        state.withLock { $0.values.flatMap(\.values) }
    }

    public var count: Int { state.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// How many objects satisfy `predicate`, counted in place (nothing copied).
    public func count(where predicate: (Value) -> Bool) -> Int {
        state.withLock { $0.values.reduce(0) { $0 + $1.values.count(where: predicate) } }
    }

    /// Stores `value` under `key`; returns what it replaced.
    @discardableResult
    func set(_ key: ObjectKey, _ value: Value) -> Value? {
        state.withLock { $0[key.namespace, default: [:]].updateValue(value, forKey: key.name) }
    }

    /// Removes `key`; returns what was there.
    @discardableResult
    func remove(_ key: ObjectKey) -> Value? {
        state.withLock { namespaces in
            let removed = namespaces[key.namespace]?.removeValue(forKey: key.name)
            if namespaces[key.namespace]?.isEmpty == true { namespaces[key.namespace] = nil }
            return removed
        }
    }

    /// Replaces every object of `scope` (one namespace, or all when nil) with `objects` (by
    /// key); returns the objects replaced, by key.
    @discardableResult
    func replace(scope: String?, with objects: [ObjectKey: Value]) -> [ObjectKey: Value] {
        var grouped: [String: [String: Value]] = [:]
        for (key, value) in objects { grouped[key.namespace, default: [:]][key.name] = value }
        return state.withLock { namespaces in
            var old: [ObjectKey: Value] = [:]
            for (namespace, objects) in namespaces where scope == nil || scope == namespace {
                for (name, value) in objects { old[ObjectKey(namespace: namespace, name: name)] = value }
            }
            if let scope {
                namespaces[scope] = grouped[scope]
            } else {
                namespaces = grouped
            }
            return old
        }
    }

    /// Stores `value` (removes `key` when nil) if what is stored under `key` has the version
    /// `expected` (nil: nothing stored), in one step; returns whether it did.
    func update(_ key: ObjectKey, to value: Value?, ifVersion expected: String?, version: (Value) -> String?) -> Bool {
        state.withLock { namespaces in
            guard namespaces[key.namespace]?[key.name].flatMap(version) == expected else { return false }
            if let value {
                namespaces[key.namespace, default: [:]][key.name] = value
            } else {
                namespaces[key.namespace]?[key.name] = nil
                if namespaces[key.namespace]?.isEmpty == true { namespaces[key.namespace] = nil }
            }
            return true
        }
    }
}
