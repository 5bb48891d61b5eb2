import Yams

/// Where a value came from: a file (or `-`), a document in it, and the line of each field.
public struct SourceOrigin: Sendable {
    /// The file as the user named it; `-` for standard input.
    public let file: String
    /// The document's position in the file, from 1.
    public let document: Int
    /// Where this object sits inside the document (non-root for items of a `kind: List`).
    public let basePath: FieldPath
    let lines: LineMap

    /// The source line of `path` (relative to this object), or of its nearest ancestor that has one.
    public func line(of path: FieldPath) -> Int? {
        var current = basePath.appending(path).indexOnly
        while true {
            if let line = lines.lines[current] { return line }
            if current.isRoot { return nil }
            current = current.parent
        }
    }

    /// `file:line` for a field, or `file (document N)` where no line is known.
    public func location(of path: FieldPath = .root) -> String {
        if let line = line(of: path) { return "\(file):\(line)" }
        return "\(file) (document \(document))"
    }
}

/// An immutable map from field paths (index-only) to 1-based source lines.
final class LineMap: Sendable {
    let lines: [FieldPath: Int]
    init(_ lines: [FieldPath: Int]) { self.lines = lines }
}

/// One object read from a file: its value and where it came from.
public struct SourceObject: Sendable {
    public let value: JSONValue
    public let origin: SourceOrigin

    public init(value: JSONValue, origin: SourceOrigin) {
        self.value = value
        self.origin = origin
    }

    /// `kind` of the object, or nil when absent.
    public var kind: String? { value["kind"]?.stringValue }
    /// `apiVersion` of the object, or nil when absent.
    public var apiVersion: String? { value["apiVersion"]?.stringValue }
    /// `metadata.name`, or nil.
    public var name: String? { value["metadata"]?["name"]?.stringValue }
    /// `metadata.namespace`, or nil.
    public var namespace: String? { value["metadata"]?["namespace"]?.stringValue }
}

/// Reads multi-document YAML or JSON text into objects, keeping the line of every field.
public enum SourceReader {
    /// Parses every document of `text`. Empty documents are skipped; `kind: List` (and any
    /// `*List` kind with `items`) is expanded into its items. Errors name the file and line.
    public static func objects(in text: String, file: String) throws(SourceError) -> [SourceObject] {
        var objects: [SourceObject] = []
        let documents: YamlSequence<Node>
        do {
            documents = try compose_all(yaml: text)
        } catch {
            throw SourceError.syntax(file: file, line: nil, message: describe(error))
        }
        var index = 0
        var iterator = documents.makeIterator()
        while true {
            let node: Node?
            node = iterator.next()
            if let error = iterator.error ?? documents.error, node == nil {
                throw SourceError.syntax(file: file, line: Self.line(of: error), message: describe(error))
            }
            guard let node else { break }
            index += 1
            var lines: [FieldPath: Int] = [:]
            let value = try convert(node, path: .root, file: file, lines: &lines)
            if value.isNull { continue }
            guard case .object = value else {
                throw SourceError.invalid(
                    file: file, line: node.mark?.line, document: index,
                    message: "expected an object (a mapping), found \(value.typeName)")
            }
            let lineMap = LineMap(lines)
            if let kind = value["kind"]?.stringValue, kind.hasSuffix("List"), let items = value["items"]?.arrayValue {
                for (itemIndex, item) in items.enumerated() where !item.isNull {
                    let itemPath = FieldPath.root.key("items").index(itemIndex)
                    guard case .object = item else {
                        throw SourceError.invalid(
                            file: file, line: lines[itemPath], document: index,
                            message: "\(itemPath): expected an object (a mapping), found \(item.typeName)")
                    }
                    let origin = SourceOrigin(
                        file: file, document: index, basePath: FieldPath.root.key("items").index(itemIndex),
                        lines: lineMap)
                    objects.append(SourceObject(value: item, origin: origin))
                }
            } else {
                objects.append(SourceObject(
                    value: value, origin: SourceOrigin(file: file, document: index, basePath: .root, lines: lineMap)))
            }
        }
        return objects
    }

    private static func convert(
        _ node: Node, path: FieldPath, file: String, lines: inout [FieldPath: Int]
    ) throws(SourceError) -> JSONValue {
        if lines[path] == nil, let line = node.mark?.line { lines[path] = line }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, tag: Tag.Name(rawValue: node.tag.rawValue))
        case .sequence(let sequence):
            var values: [JSONValue] = []
            values.reserveCapacity(sequence.count)
            for (index, element) in sequence.enumerated() {
                values.append(try convert(element, path: path.index(index), file: file, lines: &lines))
            }
            return .array(values)
        case .mapping(let mapping):
            var object = JSONObject()
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    throw SourceError.syntax(
                        file: file, line: keyNode.mark?.line, message: "\(path.isRoot ? "document" : path.description): mapping keys must be scalars")
                }
                let key = keyScalar.string
                let childPath = path.key(key)  // Yams has already rejected duplicate keys.
                if let line = keyNode.mark?.line { lines[childPath] = line }
                object[key] = try convert(valueNode, path: childPath, file: file, lines: &lines)
            }
            return .object(object)
        case .alias:
            throw SourceError.syntax(file: file, line: node.mark?.line, message: "\(path): YAML aliases are not supported")
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, tag: Tag.Name) -> JSONValue {
        switch tag {
        case .null: return .null
        case .bool: return Bool.construct(from: scalar).map(JSONValue.bool) ?? .string(scalar.string)
        case .int:
            if let value = Int.construct(from: scalar) { return .integer(value) }
            return Double.construct(from: scalar).map(JSONValue.number) ?? .string(scalar.string)
        case .float: return Double.construct(from: scalar).map(JSONValue.number) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    private static func line(of error: any Error) -> Int? {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return mark.line
            case .duplicatedKeysInMapping(_, let context):
                return context.mark.line
            default: return nil
            }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
                .composer(let context, let problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            case .duplicatedKeysInMapping(let duplicates, _):
                return "duplicate key " + duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            default: return "\(yaml)"
            }
        }
        return "\(error)"
    }
}

extension SourceOrigin {
    /// An origin for an object that did not come from a file (an API request, a test), with
    /// no line information; `file` names where it came from.
    public static func unlocated(_ file: String) -> SourceOrigin {
        SourceOrigin(file: file, document: 1, basePath: .root, lines: LineMap([:]))
    }
}
