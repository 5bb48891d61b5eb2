import KubeModel

/// RFC 6902 JSON patch over JSONValue. A body that is not a list of operations is a 400; an
/// operation that does not apply (unknown op, missing path, failed test) is a 422, as the API server answers.
enum JSONPatch {
    static func apply(_ patch: JSONValue, to document: JSONValue) throws(SandboxError) -> JSONValue {
        guard let operations = patch.arrayValue else { throw .api(.badRequest("error decoding patch: json: cannot unmarshal \(patch.typeName) into Go value of type []handlers.jsonPatchOp")) }
        var document = document
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw .api(.unprocessable("a JSON patch operation needs op and path"))
            }
            let pointer = try Self.pointer(path)
            switch op {
            case "add": document = try set(operation["value"] ?? .null, at: pointer, in: document, inserting: true)
            case "replace":
                guard value(at: pointer, in: document) != nil else { throw .api(.unprocessable("replace operation does not apply: doc is missing path: \(path)")) }
                document = try set(operation["value"] ?? .null, at: pointer, in: document, inserting: false)
            case "remove":
                guard value(at: pointer, in: document) != nil else { throw .api(.unprocessable("remove operation does not apply: doc is missing path: \(path)")) }
                document = try set(nil, at: pointer, in: document, inserting: false)
            case "test":
                guard value(at: pointer, in: document) == operation["value"] else { throw .api(.unprocessable("testing value \(path) failed")) }
            case "copy", "move":
                guard let from = operation["from"]?.stringValue, let moved = value(at: try Self.pointer(from), in: document) else {
                    throw .api(.unprocessable("\(op) operation does not apply: doc is missing from path"))
                }
                if op == "move" { document = try set(nil, at: try Self.pointer(from), in: document, inserting: false) }
                document = try set(moved, at: pointer, in: document, inserting: true)
            default: throw .api(.unprocessable("Unexpected kind: \(op)"))
            }
        }
        return document
    }

    static func pointer(_ path: String) throws(SandboxError) -> [String] {
        guard path.isEmpty || path.hasPrefix("/") else { throw .api(.badRequest("invalid JSON pointer \"\(path)\"")) }
        return path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func value(at pointer: [String], in document: JSONValue) -> JSONValue? {
        var current: JSONValue? = document
        for token in pointer {
            if let array = current?.arrayValue {
                guard let index = Int(token), array.indices.contains(index) else { return nil }
                current = array[index]
            } else {
                current = current?[token]
            }
        }
        return current
    }

    /// Sets (or removes, for nil) the value at the pointer; `inserting` adds into arrays.
    static func set(_ value: JSONValue?, at pointer: [String], in document: JSONValue, inserting: Bool) throws(SandboxError) -> JSONValue {
        guard let token = pointer.first else { return value ?? .null }
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard let child = object[token] else { throw .api(.unprocessable("doc is missing path: /\(pointer.joined(separator: "/"))")) }
                object[token] = try set(value, at: rest, in: child, inserting: inserting)
            }
            return .object(object)
        case .array(var array):
            let index = token == "-" ? array.count : Int(token) ?? -1
            guard index >= 0, index <= array.count else { throw .api(.unprocessable("invalid array index \(token)")) }
            if rest.isEmpty {
                if let value {
                    if inserting { array.insert(value, at: index) } else if index < array.count { array[index] = value }
                } else if index < array.count {
                    array.remove(at: index)
                }
            } else {
                guard index < array.count else { throw .api(.unprocessable("invalid array index \(token)")) }
                array[index] = try set(value, at: rest, in: array[index], inserting: inserting)
            }
            return .array(array)
        default:
            throw .api(.unprocessable("doc is missing path: /\(pointer.joined(separator: "/"))"))
        }
    }
}
