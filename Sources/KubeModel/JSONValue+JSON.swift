extension JSONValue {
    /// The value as JSON text. `indent` > 0 pretty-prints with that many spaces per level
    /// (kubectl prints 4); 0 prints compactly. Key order is the object's own order.
    public func jsonText(indent: Int = 0) -> String { jsonText(indent: indent, level: 0) }

    /// The value as it is printed nested `level` deep in pretty-printed JSON (its inner lines
    /// indented from there; the first line not), to write a long document a piece at a time.
    public func jsonText(indent: Int, level: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        writeJSON(into: &out, indent: indent, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeJSON(into out: inout [UInt8], indent: Int, level: Int) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .integer(let value): Self.append(String(value), to: &out)
        case .number(let value): Self.append(value.isFinite ? Self.format(value) : "null", to: &out)
        case .string(let value): Self.writeJSONString(value, into: &out)
        case .array(let values):
            if values.isEmpty { Self.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            for (position, value) in values.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, indent: indent, level: level + 1)
                value.writeJSON(into: &out, indent: indent, level: level + 1)
            }
            Self.newline(into: &out, indent: indent, level: level)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { Self.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, indent: indent, level: level + 1)
                Self.writeJSONString(member.key, into: &out)
                Self.append(indent > 0 ? ": " : ":", to: &out)
                member.value.writeJSON(into: &out, indent: indent, level: level + 1)
            }
            Self.newline(into: &out, indent: indent, level: level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], indent: Int, level: Int) {
        guard indent > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static func append(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Formats a finite double the shortest way that reads back exactly.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return String(value)
    }

    static func writeJSONString(_ string: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeJSONString(string, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The string quoted, with `"`, `\` and control characters escaped; runs that need no
    /// escape are copied whole.
    static func writeJSONString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { text in
            var runStart = 0
            for position in text.indices {
                let byte = text[position]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<position]))
                runStart = position + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"", to: &out)
                case UInt8(ascii: "\\"): append("\\\\", to: &out)
                case UInt8(ascii: "\n"): append("\\n", to: &out)
                case UInt8(ascii: "\r"): append("\\r", to: &out)
                case UInt8(ascii: "\t"): append("\\t", to: &out)
                case 0x08: append("\\b", to: &out)
                case 0x0C: append("\\f", to: &out)
                default: append("\\u" + hex4(UInt32(byte)), to: &out)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
