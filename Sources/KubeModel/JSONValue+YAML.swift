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
        guard string.contains("\n"), !string.hasSuffix("\n\n"), !string.hasPrefix(" "), !string.hasPrefix("\n")
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

    private static func isPlainSafe(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        if reservedWords.contains(string) { return false }
        if "-?:,[]{}#&*!|>'\"%@` \t".unicodeScalars.contains(first) { return false }
        if last == " " || last == "\t" || last == ":" { return false }
        if string.contains(": ") || string.contains(" #") { return false }
        for scalar in string.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value > 0x7E {
            return false
        }
        if looksNumeric(string) { return false }
        return true
    }

    /// Anything a YAML 1.1 resolver might read as an int, float, or timestamp: it starts with a
    /// digit, a sign, or a dot and is made only of digits and number punctuation.
    private static func looksNumeric(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first,
            "0123456789+-.".unicodeScalars.contains(first)
        else { return false }
        let allowed = "0123456789abcdefABCDEFxXoO_.:+-eE tTzZ".unicodeScalars
        return string.unicodeScalars.allSatisfy { allowed.contains($0) }
    }
}
