import KubeModel
import KubeSchema

/// One step of a managed-field path: a member, or a list-map element named by its key fields.
enum PathStep: Sendable, Hashable {
    case field(String)
    case element(JSONObject)
}

/// What one field manager owns, as in `metadata.managedFields`.
struct AppliedIntent: Sendable {
    enum Operation: String, Sendable { case apply = "Apply", update = "Update" }
    var manager: String
    var operation: Operation
    var apiVersion: String
    var time: String
    var fields: Set<[PathStep]>

    /// The key in `StoredObject.applied`: one entry per manager and operation, as managedFields has.
    var key: String { Self.key(manager, operation) }
    static func key(_ manager: String, _ operation: Operation) -> String { manager + " " + operation.rawValue }
}

/// Leaf paths of objects, navigated alongside a schema for `x-kubernetes-list-type: map` lists.
struct FieldSet {
    let validator: SchemaValidator

    /// Every leaf of `value`: scalars, atomic lists, empty objects, and each keyed list element.
    func leaves(of value: JSONValue, schema: JSONValue?, prefix: [PathStep] = []) -> Set<[PathStep]> {
        switch value {
        case .object(let object) where !object.isEmpty:
            var result = Set<[PathStep]>()
            for (key, member) in object {
                result.formUnion(leaves(of: member, schema: child(schema, key), prefix: prefix + [.field(key)]))
            }
            return result
        case .array(let items):
            guard let keys = listMapKeys(schema) else { return [prefix] }
            var result = Set<[PathStep]>()
            for item in items {
                let identity = Self.identity(of: item, keys: keys)
                result.insert(prefix + [.element(identity)])
                result.formUnion(leaves(of: item, schema: itemSchema(schema), prefix: prefix + [.element(identity)]))
            }
            return result
        default:
            return prefix.isEmpty ? [] : [prefix]
        }
    }

    /// Leaves whose value differs between two versions of an object.
    func changedLeaves(from old: JSONValue?, to new: JSONValue?, schema: JSONValue?, prefix: [PathStep] = []) -> Set<[PathStep]> {
        if old == new { return [] }
        if case .object(let before)? = old, case .object(let after)? = new {
            var result = Set<[PathStep]>()
            for key in Set(before.keys).union(after.keys) {
                result.formUnion(changedLeaves(from: before[key], to: after[key], schema: child(schema, key), prefix: prefix + [.field(key)]))
            }
            return result
        }
        if case .array(let before)? = old, case .array(let after)? = new, let keys = listMapKeys(schema) {
            var result = Set<[PathStep]>()
            let indexed = Dictionary(before.map { (Self.identity(of: $0, keys: keys), $0) }, uniquingKeysWith: { first, _ in first })
            for item in after {
                let identity = Self.identity(of: item, keys: keys)
                if indexed[identity] == nil { result.insert(prefix + [.element(identity)]) }
                result.formUnion(changedLeaves(from: indexed[identity], to: item, schema: itemSchema(schema), prefix: prefix + [.element(identity)]))
            }
            return result
        }
        return new.map { leaves(of: $0, schema: schema, prefix: prefix) } ?? [prefix]
    }

    func child(_ schema: JSONValue?, _ key: String) -> JSONValue? {
        guard let schema else { return nil }
        let resolved = validator.resolved(schema)
        return resolved["properties"]?[key] ?? resolved["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
    }

    func itemSchema(_ schema: JSONValue?) -> JSONValue? {
        schema.flatMap { validator.resolved($0)["items"] }
    }

    func listMapKeys(_ schema: JSONValue?) -> [String]? {
        guard let schema else { return nil }
        let resolved = validator.resolved(schema)
        guard resolved["x-kubernetes-list-type"]?.stringValue == "map" else { return nil }
        return (resolved["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func identity(of item: JSONValue, keys: [String]) -> JSONObject {
        JSONObject(keys.compactMap { key in item[key].map { (key, $0) } })
    }

    /// The value at a path, or nil.
    static func value(at path: [PathStep], in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for step in path {
            switch step {
            case .field(let key): current = current?[key]
            case .element(let identity):
                current = current?.arrayValue?.first { item in identity.allSatisfy { item[$0.key] == $0.value } }
            }
        }
        return current
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
        }
    }

    /// `.spec.template.spec.containers[name="web"].image`, as apply conflicts name a field.
    static func describe(_ path: [PathStep]) -> String {
        path.map { step in
            switch step {
            case .field(let key): return "." + key
            case .element(let identity): return "[" + identity.map { "\($0.key)=\($0.value.jsonText())" }.joined(separator: ",") + "]"
            }
        }.joined()
    }

    /// The `fieldsV1` tree of a set of paths.
    static func fieldsV1(_ paths: Set<[PathStep]>) -> JSONValue {
        var root = JSONValue.object([:])
        for path in paths.sorted(by: { describe($0) < describe($1) }) {
            root = inserting(path, into: root)
        }
        return root
    }

    private static func inserting(_ path: [PathStep], into node: JSONValue) -> JSONValue {
        guard let step = path.first else { return node }
        let name: String
        switch step {
        case .field(let key): name = "f:" + key
        case .element(let identity): name = "k:" + JSONValue.object(identity).jsonText()
        }
        var node = node
        var child = node[name] ?? .object([:])
        if path.count == 1, case .element = step { child["."] = .object([:]) }
        child = inserting(Array(path.dropFirst()), into: child)
        node[name] = child
        return node
    }
}
