extension JSONValue {
    /// The value as block-style YAML in kubectl's layout (two-space indent, sequences level with
    /// their key), quoting every string that a YAML 1.1 reader would otherwise take for another type.
    public func yamlText() -> String {
        var writer = YAMLWriter()
        writer.writeDocument(self)
        return writer.text
    }

    /// The values as one multi-document YAML stream, documents separated by `---`.
    public static func yamlText(documents: some Sequence<JSONValue>) -> String {
        var writer = YAMLWriter()
        for (position, document) in documents.enumerated() {
            if position > 0 { writer.append("---\n") }
            writer.writeDocument(document)
        }
        return writer.text
    }

    /// Multi-line strings that a literal block keeps exactly: no trailing spaces on any line,
    /// no leading space, at most one trailing newline, no carriage returns or other controls.
    static func usesBlockLiteral(_ string: String) -> Bool {
        let bytes = string.utf8
        guard let first = bytes.first, bytes.contains(UInt8(ascii: "\n")), first != UInt8(ascii: " "), first != UInt8(ascii: "\n")
        else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") { return false }
            if byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") || byte == 0x7F { return false }
            beforePrevious = previous
            previous = byte
        }
        // The last line must not end in a space, and the text not in two newlines.
        if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") { return false }
        return !(previous == UInt8(ascii: "\n") && beforePrevious == UInt8(ascii: "\n"))
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
    static func isPlainSafe(_ string: String) -> Bool {
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
        // Every reserved word has at most five bytes: longer strings skip the set's hashing.
        if bytes.count <= 5, reservedWords.contains(string) { return false }
        return !looksNumeric(bytes)
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
