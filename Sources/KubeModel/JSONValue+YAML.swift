extension JSONValue {
    /// The value as block-style YAML in kubectl's layout (two-space indent, sequences level with
    /// their key), quoting every string that a YAML 1.1 reader would otherwise take for another type.
    public func yamlText() -> String {
        var out = ""
        switch self {
        case .object(let object) where !object.isEmpty:
            Self.writeObject(object, indent: 0, dashed: false, into: &out)
        case .array(let array) where !array.isEmpty:
            Self.writeArray(array, indent: 0, into: &out)
        default:
            out += inlineYAML(indent: 0) + "\n"
        }
        return out
    }

    /// Scalars and empty collections, which fit on the line of their key.
    private var isInline: Bool {
        switch self {
        case .object(let object): return object.isEmpty
        case .array(let array): return array.isEmpty
        case .string(let string): return !Self.usesBlockLiteral(string)
        default: return true
        }
    }

    private func inlineYAML(indent: Int) -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value):
            if value.isNaN { return ".nan" }
            if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
            return Self.format(value)
        case .string(let string): return Self.scalarText(string)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    private static func writeObject(_ object: JSONObject, indent: Int, dashed: Bool, into out: inout String) {
        for (position, member) in object.enumerated() {
            if dashed && position == 0 {
                out += String(repeating: " ", count: indent - 2) + "- "
            } else {
                out += String(repeating: " ", count: indent)
            }
            out += scalarText(member.key) + ":"
            writeValue(member.value, indent: indent, into: &out)
        }
    }

    /// Writes what follows `key:` — inline, a nested block, or a literal string.
    private static func writeValue(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            out += "\n"
            writeObject(object, indent: indent + 2, dashed: false, into: &out)
        case .array(let array) where !array.isEmpty:
            out += "\n"
            writeArray(array, indent: indent, into: &out)
        case .string(let string) where usesBlockLiteral(string):
            writeLiteral(string, indent: indent + 2, into: &out)
        default:
            out += " " + value.inlineYAML(indent: indent) + "\n"
        }
    }

    private static func writeArray(_ array: [JSONValue], indent: Int, into out: inout String) {
        for element in array {
            switch element {
            case .object(let object) where !object.isEmpty:
                writeObject(object, indent: indent + 2, dashed: true, into: &out)
            case .array(let nested) where !nested.isEmpty:
                out += String(repeating: " ", count: indent) + "-\n"
                writeArray(nested, indent: indent + 2, into: &out)
            case .string(let string) where usesBlockLiteral(string):
                out += String(repeating: " ", count: indent) + "-"
                writeLiteral(string, indent: indent + 2, into: &out)
            default:
                out += String(repeating: " ", count: indent) + "- " + element.inlineYAML(indent: indent) + "\n"
            }
        }
    }

    private static func writeLiteral(_ string: String, indent: Int, into out: inout String) {
        let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
        out += string.hasSuffix("\n") ? " |\n" : " |-\n"
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : String(repeating: " ", count: indent) + line + "\n"
        }
    }

    /// Multi-line strings that a literal block keeps exactly: no trailing spaces on any line,
    /// no leading space, at most one trailing newline, no carriage returns or other controls.
    static func usesBlockLiteral(_ string: String) -> Bool {
        guard string.utf8.contains(UInt8(ascii: "\n")), !string.hasSuffix("\n\n"), !string.hasPrefix(" "), !string.hasPrefix("\n")
        else { return false }
        for line in string.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix(" ") || line.hasSuffix("\t") { return false }
            if line.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                return false
            }
        }
        return true
    }

    /// A string as a plain scalar when that reads back as the same string, else double-quoted.
    static func scalarText(_ string: String) -> String {
        if isPlainSafe(string) { return string }
        var out = ""
        writeJSONString(string, into: &out)
        return out
    }

    private static let reservedWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
        "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "=", "<<",
        ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN",
    ]

    /// One pass over the bytes: a non-ASCII or control byte, an indicator first, a space, tab
    /// or colon last, or `: ` / ` #` inside all need quotes; so do reserved words and numbers.
    /// (Bytes, not `String.contains`, which resolves to Foundation's slow `range(of:)`.)
    private static func isPlainSafe(_ string: String) -> Bool {
        let bytes = string.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        if isIndicator(first) || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: ":") {
            return false
        }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte >= 0x7F { return false }
            if (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ")) || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#")) {
                return false
            }
            previous = byte
        }
        return !reservedWords.contains(string) && !looksNumeric(bytes)
    }

    /// Characters that cannot start a plain scalar: `-?:,[]{}#&*!|>'"%@``, space and tab.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "\t"):
            return true
        default:
            return false
        }
    }

    /// Anything a YAML 1.1 resolver might read as an int, float, or timestamp: it starts with a
    /// digit, a sign, or a dot and is made only of digits and number punctuation
    /// (`0-9a-fA-FxXoO_.:+-eE tTzZ`).
    private static func looksNumeric(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first,
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: ".")
        else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                 UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "z"), UInt8(ascii: "Z"):
                return true
            default:
                return false
            }
        }
    }
}
