import KubeModel
import KubeSchema

/// One step of a managed-field path: a member, a list-map element named by its key fields, or
/// an element of a set-list (`x-kubernetes-list-type: set`) named by its value.
enum PathStep: Sendable, Hashable {
    case field(String)
    case element(JSONObject)
    case value(JSONValue)
}

/// What one field manager owns, as in `metadata.managedFields`.
struct AppliedIntent: Sendable {
    enum Operation: String, Sendable { case apply = "Apply", update = "Update" }
    var manager: String
    var operation: Operation
    var apiVersion: String
    var time: String
    var fields: Set<[PathStep]>
    /// `status` for writes through the status subresource, nil for the object itself.
    var subresource: String? = nil

    /// The key in `StoredObject.applied`: one entry per manager, operation and subresource, as managedFields has.
    var key: String { Self.key(manager, operation, subresource: subresource) }
    static func key(_ manager: String, _ operation: Operation, subresource: String? = nil) -> String {
        [manager, operation.rawValue, subresource ?? ""].joined(separator: " ")
    }
}

/// Managed-field paths of objects, navigated alongside a schema: lists of
/// `x-kubernetes-list-type: map` (or, without a list type, with a patch merge key) own each
/// element by its keys, set-lists each value, `x-kubernetes-map-type: atomic` maps and other
/// lists are owned whole.
struct FieldSet {
    let validator: SchemaValidator
    /// Objects of a built-in kind are Go structs, whose required and `{}`-defaulted members always
    /// exist (an update never creates them); a custom resource's members exist only when set.
    var typed = true

    /// Every leaf of `value` (scalars, atomic values, empty objects) and each keyed list element,
    /// as an applied configuration owns them.
    func leaves(of value: JSONValue, schema: JSONValue?, prefix: [PathStep] = []) -> Set<[PathStep]> {
        switch value {
        case .object(let object) where !object.isEmpty && !isAtomicMap(schema):
            var result = Set<[PathStep]>()
            for (key, member) in object {
                result.formUnion(leaves(of: member, schema: child(schema, key), prefix: prefix + [.field(key)]))
            }
            return result
        case .array(let items) where isSet(schema):
            return Set(items.map { prefix + [.value($0)] })
        case .array(let items):
            guard let keys = listMapKeys(schema) else { return [prefix] }
            var result = Set<[PathStep]>()
            let itemSchema = itemSchema(schema)
            for item in items {
                let element = prefix + [.element(identity(of: item, keys: keys, itemSchema: itemSchema))]
                result.insert(element)
                result.formUnion(leaves(of: item, schema: itemSchema, prefix: element))
            }
            return result
        default:
            return prefix.isEmpty ? [] : [prefix]
        }
    }

    /// What an update from `old` to `new` changed, as the API server records it for the updating
    /// manager: changed leaves, added elements, and maps or lists that did not exist before
    /// (absent, not merely empty: a member whose schema defaults to `{}` or that is required
    /// always exists in the server's typed objects).
    func changedLeaves(from old: JSONValue?, to new: JSONValue?, schema: JSONValue?, prefix: [PathStep] = []) -> Set<[PathStep]> {
        if old == new { return [] }
        guard let new else {
            // Removed: the field and everything under it.
            return old.map { leaves(of: $0, schema: schema, prefix: prefix) }.map { $0.union([prefix]) } ?? [prefix]
        }
        // `.null` stands for a member the server's typed object always has (an empty struct).
        let implicit = old == .null
        var result = Set<[PathStep]>()
        if old == nil, !prefix.isEmpty, Self.isNonEmptyContainer(new) { result.insert(prefix) }
        if case .object(let after) = new, !isAtomicMap(schema), old == nil || implicit || old?.objectValue != nil {
            if after.isEmpty { return implicit ? [] : [prefix] }
            let before = old?.objectValue ?? JSONObject()
            let required = requiredMembers(schema)
            for key in before.keys + after.keys.filter({ before[$0] == nil }) {
                let childSchema = child(schema, key)
                var previous = before[key]
                if previous == nil, after[key] != nil,
                   (typed && (required.contains(key) || childSchema?["default"] == .object([:]))) || (prefix.isEmpty && key == "metadata") {
                    previous = .null
                }
                result.formUnion(changedLeaves(from: previous, to: after[key], schema: childSchema, prefix: prefix + [.field(key)]))
            }
            return result
        }
        if case .array(let after) = new, let keys = listMapKeys(schema), old == nil || implicit || old?.arrayValue != nil {
            let itemSchema = itemSchema(schema)
            let before = old?.arrayValue ?? []
            let indexed = Dictionary(before.map { (identity(of: $0, keys: keys, itemSchema: itemSchema), $0) }, uniquingKeysWith: { first, _ in first })
            var remaining = indexed
            for item in after {
                let identity = identity(of: item, keys: keys, itemSchema: itemSchema)
                if indexed[identity] == nil { result.insert(prefix + [.element(identity)]) }
                result.formUnion(changedLeaves(from: indexed[identity], to: item, schema: itemSchema, prefix: prefix + [.element(identity)]))
                remaining[identity] = nil
            }
            for (identity, item) in remaining {
                result.formUnion(changedLeaves(from: item, to: nil, schema: itemSchema, prefix: prefix + [.element(identity)]))
            }
            return result
        }
        if case .array(let after) = new, isSet(schema), old == nil || implicit || old?.arrayValue != nil {
            let before = old?.arrayValue ?? []
            let changed = after.filter { !before.contains($0) } + before.filter { !after.contains($0) }
            return result.union(changed.map { prefix + [.value($0)] })
        }
        return result.union(prefix.isEmpty ? [] : [prefix])
    }

    private static func isNonEmptyContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): return !object.isEmpty
        case .array(let items): return !items.isEmpty
        default: return false
        }
    }

    private func requiredMembers(_ schema: JSONValue?) -> [String] {
        guard let schema else { return [] }
        return (validator.resolved(schema)["required"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    func child(_ schema: JSONValue?, _ key: String) -> JSONValue? {
        guard let schema else { return nil }
        let resolved = validator.resolved(schema)
        return resolved["properties"]?[key] ?? resolved["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
    }

    func itemSchema(_ schema: JSONValue?) -> JSONValue? {
        schema.flatMap { validator.resolved($0)["items"] }
    }

    func isSet(_ schema: JSONValue?) -> Bool {
        guard let schema else { return false }
        return validator.resolved(schema)["x-kubernetes-list-type"]?.stringValue == "set"
    }

    func isAtomicMap(_ schema: JSONValue?) -> Bool {
        guard let schema else { return false }
        return validator.resolved(schema)["x-kubernetes-map-type"]?.stringValue == "atomic"
    }

    /// The keys of an associative list: its list-map keys, or its patch merge key when it has no list type.
    func listMapKeys(_ schema: JSONValue?) -> [String]? {
        guard let schema else { return nil }
        let resolved = validator.resolved(schema)
        switch resolved["x-kubernetes-list-type"]?.stringValue {
        case "map": return (resolved["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue)
        case nil:
            guard (resolved["x-kubernetes-patch-strategy"]?.stringValue ?? "").split(separator: ",").contains("merge"),
                  let key = resolved["x-kubernetes-patch-merge-key"]?.stringValue else { return nil }
            return [key]
        default: return nil
        }
    }

    /// An element's key fields; a missing key field takes its schema default (a Service port's `protocol: TCP`).
    func identity(of item: JSONValue, keys: [String], itemSchema: JSONValue?) -> JSONObject {
        JSONObject(keys.compactMap { key in (item[key] ?? child(itemSchema, key)?["default"]).map { (key, $0) } })
    }

    /// `value` with every list element's missing key fields set to their defaults.
    func withDefaultedKeys(_ value: JSONValue, schema: JSONValue?) -> JSONValue {
        switch value {
        case .object(var object):
            for (key, member) in object { object[key] = withDefaultedKeys(member, schema: child(schema, key)) }
            return .object(object)
        case .array(let items):
            let itemSchema = itemSchema(schema)
            let keys = listMapKeys(schema) ?? []
            return .array(items.map { item in
                var item = withDefaultedKeys(item, schema: itemSchema)
                guard item.objectValue != nil else { return item }
                for (key, value) in identity(of: item, keys: keys, itemSchema: itemSchema) where item[key] == nil { item[key] = value }
                return item
            })
        default:
            return value
        }
    }

    /// The value at a path, or nil.
    static func value(at path: [PathStep], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for step in path {
            switch step {
            case .field(let key): current = current?[key]
            case .element(let identity):
                current = current?.arrayValue?.first { item in identity.allSatisfy { item[$0.key] == $0.value } }
            case .value(let value):
                current = current?.arrayValue?.first { $0 == value }
            }
        }
        return current
    }

    /// The value with the fields at `paths` removed. A path inside another removed path, and a
    /// key field of an element that stays, are not removed on their own, so the result does not
    /// depend on the order of `paths`.
    static func removing(_ paths: Set<[PathStep]>, from value: JSONValue) -> JSONValue {
        let outermost = paths.filter { path in
            if case .field(let name)? = path.last, case .element(let identity)? = path.dropLast().last, identity[name] != nil {
                return false
            }
            return !(1..<max(path.count, 1)).contains { paths.contains(Array(path.prefix($0))) }
        }
        return outermost.sorted { $0.count > $1.count }.reduce(value) { removing($1, from: $0) }
    }

    /// The value with the field at `path` removed (a keyed element when the path ends at one).
    static func removing(_ path: [PathStep], from value: JSONValue) -> JSONValue {
        guard let step = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch step {
        case .field(let key):
            guard case .object(var object) = value, let member = object[key] else { return value }
            if rest.isEmpty {
                object[key] = Optional<JSONValue>.none
            } else {
                object[key] = removing(rest, from: member)
            }
            return .object(object)
        case .element(let identity):
            guard case .array(let items) = value else { return value }
            return .array(items.compactMap { (item: JSONValue) -> JSONValue? in
                guard identity.allSatisfy({ item[$0.key] == $0.value }) else { return item }
                if rest.isEmpty { return Optional<JSONValue>.none }
                return removing(rest, from: item)
            })
        case .value(let member):
            guard case .array(let items) = value else { return value }
            return .array(items.filter { $0 != member })
        }
    }

    /// `.spec.template.spec.containers[name="web"].image`, as apply conflicts name a field.
    static func describe(_ path: [PathStep]) -> String {
        path.map { step in
            switch step {
            case .field(let key): return "." + key
            case .element(let identity): return "[" + identity.map { "\($0.key)=\($0.value.jsonText())" }.joined(separator: ",") + "]"
            case .value(let value): return "[=" + value.jsonText() + "]"
            }
        }.joined()
    }

    /// The `fieldsV1` tree of a set of paths: a path that is owned itself and has owned children
    /// carries a `"."` member, as the API server writes it.
    static func fieldsV1(_ paths: Set<[PathStep]>) -> JSONValue {
        var root = JSONValue.object([:])
        for path in paths {
            root = inserting(path, into: root, owned: paths)
        }
        return ordered(root)
    }

    /// Members in the API server's order: `"."`, then fields, keyed elements and set values, each sorted.
    private static func ordered(_ node: JSONValue) -> JSONValue {
        guard let object = node.objectValue else { return node }
        let rank = { (name: String) -> Int in
            switch name.prefix(2) {
            case "f:": return 1
            case "k:": return 2
            case "v:": return 3
            default: return 0
            }
        }
        let names = object.keys.sorted { rank($0) != rank($1) ? rank($0) < rank($1) : $0 < $1 }
        return .object(JSONObject(names.compactMap { name in object[name].map { (name, ordered($0)) } }))
    }

    private static func name(of step: PathStep) -> String {
        switch step {
        case .field(let key): return "f:" + key
        case .element(let identity): return "k:" + JSONValue.object(identity).jsonText()
        case .value(let value): return "v:" + value.jsonText()
        }
    }

    private static func inserting(_ path: [PathStep], into node: JSONValue, owned: Set<[PathStep]>, prefix: [PathStep] = []) -> JSONValue {
        guard let step = path.first else { return node }
        let here = prefix + [step]
        var node = node
        var child = node[name(of: step)] ?? .object([:])
        if path.count > 1 {
            if owned.contains(here) { child["."] = .object([:]) }
            child = inserting(Array(path.dropFirst()), into: child, owned: owned, prefix: here)
        }
        node[name(of: step)] = child
        return node
    }
}
