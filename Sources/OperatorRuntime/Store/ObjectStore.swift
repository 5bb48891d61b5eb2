import Synchronization

/// A cache of one kind of object keyed by namespace and name, shared by the informer that
/// writes it and the reconcilers that read it. A relist replaces a namespace's worth (or all)
/// at once, so readers never see half of an old list and half of a new one.
public final class ObjectStore<Value: Sendable>: Sendable {
    private let state = Mutex<[String: [String: Value]]>([:])

    public init() {}

    /// The object `namespace/name`, if cached.
    public func get(namespace: String, name: String) -> Value? {
        state.withLock { $0[namespace]?[name] }
    }

    /// The object with key `namespace/name`.
    public func get(key: String) -> Value? {
        let (namespace, name) = ObjectKey.split(key)
        return get(namespace: namespace, name: name)
    }

    /// Every object in `namespace`, by name.
    public func objects(in namespace: String) -> [String: Value] {
        state.withLock { $0[namespace] ?? [:] }
    }

    /// Every object, by key.
    public func all() -> [String: Value] {
        state.withLock { namespaces in
            var result: [String: Value] = [:]
            for (namespace, objects) in namespaces {
                for (name, value) in objects { result[ObjectKey.make(namespace, name)] = value }
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

    /// Stores `value`; returns what it replaced.
    @discardableResult
    public func set(namespace: String, name: String, _ value: Value) -> Value? {
        state.withLock { $0[namespace, default: [:]].updateValue(value, forKey: name) }
    }

    /// Removes `namespace/name`; returns what was there.
    @discardableResult
    public func remove(namespace: String, name: String) -> Value? {
        state.withLock { namespaces in
            let removed = namespaces[namespace]?.removeValue(forKey: name)
            if namespaces[namespace]?.isEmpty == true { namespaces[namespace] = nil }
            return removed
        }
    }

    /// Replaces every object of `scope` (one namespace, or all when nil) with `objects` (by
    /// key); returns the objects replaced, by key.
    @discardableResult
    public func replace(scope: String?, with objects: [String: Value]) -> [String: Value] {
        var grouped: [String: [String: Value]] = [:]
        for (key, value) in objects {
            let (namespace, name) = ObjectKey.split(key)
            grouped[namespace, default: [:]][name] = value
        }
        return state.withLock { namespaces in
            var old: [String: Value] = [:]
            for (namespace, objects) in namespaces where scope == nil || scope == namespace {
                for (name, value) in objects { old[ObjectKey.make(namespace, name)] = value }
            }
            if let scope {
                namespaces[scope] = grouped[scope]
            } else {
                namespaces = grouped
            }
            return old
        }
    }
}

/// `namespace/name` keys, as work queues and caches use them.
public enum ObjectKey {
    public static func make(_ namespace: String, _ name: String) -> String { "\(namespace)/\(name)" }

    /// The namespace and name of a key; a key without `/` is a cluster-scoped name.
    public static func split(_ key: String) -> (namespace: String, name: String) {
        guard let slash = key.firstIndex(of: "/") else { return ("", key) }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }
}
