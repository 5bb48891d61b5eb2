/// Writes JSON values as block YAML into one growing byte buffer (no intermediate strings per
/// line or scalar); the layout rules are `JSONValue.yamlText()`'s.
struct YAMLWriter {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    /// What was written, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(contentsOf string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func indent(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// One document: a block collection, or a scalar (or empty collection) on its own line.
    mutating func writeDocument(_ value: JSONValue) {
        switch value {
        case .object(let object) where !object.isEmpty:
            writeObject(object, indent: 0, dashed: false)
        case .array(let array) where !array.isEmpty:
            writeArray(array, indent: 0)
        default:
            writeInline(value)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int, dashed: Bool) {
        var first = dashed
        for member in object {
            if first {
                self.indent(indent - 2)
                append("- ")
                first = false
            } else {
                self.indent(indent)
            }
            writeScalar(member.key)
            bytes.append(UInt8(ascii: ":"))
            writeValue(member.value, indent: indent)
        }
    }

    /// Writes what follows `key:` — inline, a nested block, or a literal string.
    private mutating func writeValue(_ value: JSONValue, indent: Int) {
        switch value {
        case .object(let object) where !object.isEmpty:
            bytes.append(UInt8(ascii: "\n"))
            writeObject(object, indent: indent + 2, dashed: false)
        case .array(let array) where !array.isEmpty:
            bytes.append(UInt8(ascii: "\n"))
            writeArray(array, indent: indent)
        case .string(let string) where JSONValue.usesBlockLiteral(string):
            writeLiteral(string, indent: indent + 2)
        default:
            bytes.append(UInt8(ascii: " "))
            writeInline(value)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private mutating func writeArray(_ array: [JSONValue], indent: Int) {
        for element in array {
            switch element {
            case .object(let object) where !object.isEmpty:
                writeObject(object, indent: indent + 2, dashed: true)
            case .array(let nested) where !nested.isEmpty:
                self.indent(indent)
                append("-\n")
                writeArray(nested, indent: indent + 2)
            case .string(let string) where JSONValue.usesBlockLiteral(string):
                self.indent(indent)
                bytes.append(UInt8(ascii: "-"))
                writeLiteral(string, indent: indent + 2)
            default:
                self.indent(indent)
                append("- ")
                writeInline(element)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Scalars and empty collections, which fit on the line of their key.
    private mutating func writeInline(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let value): value ? append("true") : append("false")
        case .integer(let value): append(contentsOf: String(value))
        case .number(let value):
            if value.isNaN {
                append(".nan")
            } else if value.isInfinite {
                value < 0 ? append("-.inf") : append(".inf")
            } else {
                append(contentsOf: JSONValue.format(value))
            }
        case .string(let string): writeScalar(string)
        case .array: append("[]")
        case .object: append("{}")
        }
    }

    private mutating func writeScalar(_ string: String) {
        if JSONValue.isPlainSafe(string) {
            append(contentsOf: string)
        } else {
            JSONValue.writeJSONString(string, into: &bytes)
        }
    }

    /// ` |` (or ` |-` without a final newline), then each line indented; empty lines stay empty.
    private mutating func writeLiteral(_ string: String, indent: Int) {
        var string = string
        string.withUTF8 { text in
            let endsInNewline = text.last == UInt8(ascii: "\n")
            append(endsInNewline ? " |\n" : " |-\n")
            let body = endsInNewline ? UnsafeBufferPointer(rebasing: text.dropLast()) : text
            var lineStart = body.startIndex
            for position in body.indices where body[position] == UInt8(ascii: "\n") {
                writeLiteralLine(UnsafeBufferPointer(rebasing: body[lineStart..<position]), indent: indent)
                lineStart = position + 1
            }
            writeLiteralLine(UnsafeBufferPointer(rebasing: body[lineStart...]), indent: indent)
        }
    }

    private mutating func writeLiteralLine(_ line: UnsafeBufferPointer<UInt8>, indent: Int) {
        if !line.isEmpty {
            self.indent(indent)
            bytes.append(contentsOf: line)
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}
