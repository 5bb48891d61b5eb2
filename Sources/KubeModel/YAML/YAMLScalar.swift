/// Resolves YAML scalars to JSON values the way the project has always read them (Yams' default
/// resolver: YAML 1.1 booleans, ints with binary/octal/hex forms, floats, `.inf`/`.nan`, nulls),
/// with hand-written byte checks instead of regular expressions. Sexagesimal numbers (`12:30`)
/// stay strings, as kubectl reads them.
enum YAMLScalar {
    private static let tagPrefix = "tag:yaml.org,2002:"

    /// A plain scalar without a tag: its type comes from its text.
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let number = number(bytes) { return number }
        case UInt8(ascii: "~"):
            if bytes.count == 1 { return .null }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isWord(bytes, "null") { return .null }
            if isWord(bytes, "no") { return .bool(false) }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if isWord(bytes, "true") { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if isWord(bytes, "false") { return .bool(false) }
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            if isWord(bytes, "yes") { return .bool(true) }
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if isWord(bytes, "on") { return .bool(true) }
            if isWord(bytes, "off") { return .bool(false) }
        default:
            break
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// A scalar with an explicit tag (`!!int "12"`, `!!str 12`, `!custom x`). Only plain scalars
    /// convert to numbers; an unknown tag or a value its tag cannot read stays a string.
    static func tagged(_ bytes: UnsafeBufferPointer<UInt8>, tag: String, plain isPlain: Bool) -> JSONValue {
        let text = String(decoding: bytes, as: UTF8.self)
        guard tag.hasPrefix(tagPrefix) else { return .string(text) }
        switch tag.dropFirst(tagPrefix.count) {
        case "null":
            return .null
        case "bool":
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return .string(text)
            }
        case "int", "float":
            guard isPlain else { return .string(text) }
            return integer(bytes) ?? float(bytes) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// `word` (given in lowercase) in one of its three spellings: `null`, `Null` or `NULL`.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var allLower = true, allUpper = true, capitalized = true
        for index in 0..<bytes.count {
            let byte = bytes[index], small = lower[index], capital = small &- 32
            allLower = allLower && byte == small
            allUpper = allUpper && byte == capital
            capitalized = capitalized && byte == (index == 0 ? capital : small)
        }
        return allLower || allUpper || capitalized
    }

    /// An int, else a float, else nil (for plain scalars that only look numeric).
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        integer(bytes) ?? float(bytes)
    }

    /// `[-+]?` then `0b[01_]+`, `0x[0-9a-fA-F_]+`, `0o?[0-7_]+`, `0` or `[1-9][0-9_]*`.
    /// A decimal too large for Int becomes a Double; other forms too large stay strings.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var index = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        let radix: Int
        var digits = 0
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count {
            switch bytes[index + 1] {
            case UInt8(ascii: "b"): radix = 2; index += 2
            case UInt8(ascii: "x"): radix = 16; index += 2
            case UInt8(ascii: "o"): radix = 8; index += 2
            default: radix = 8; index += 1; digits = 1  // the leading 0 of `017`
            }
            guard index < bytes.count else { return nil }
        } else {
            guard bytes[index] != UInt8(ascii: "_") else { return nil }
            radix = 10
        }
        var value = 0
        var overflow = false
        for byte in bytes[index...] {
            if byte == UInt8(ascii: "_") { continue }
            guard let digit = digitValue(byte), digit < radix else { return nil }
            digits += 1
            let (multiplied, o1) = value.multipliedReportingOverflow(by: radix)
            let (added, o2) = multiplied.addingReportingOverflow(negative ? -digit : digit)
            overflow = overflow || o1 || o2
            value = added
        }
        guard digits > 0 else { return nil }
        if overflow {
            return radix == 10 ? float(bytes) : nil
        }
        return .integer(value)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`,
    /// `[-+]?.inf` (`.inf`, `.Inf`, `.INF`) and `.nan` (`.nan`, `.NaN`, `.NAN`).
    static func float(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var index = 0
        var signed = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            signed = true
            index = 1
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "."), bytes.count - index == 4 {
            let word = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
            if isWord(word, "inf") { return .number(bytes[0] == UInt8(ascii: "-") ? -.infinity : .infinity) }
            if !signed, isWord(word, "nan") || (word[0], word[1], word[2]) == (UInt8(ascii: "N"), UInt8(ascii: "a"), UInt8(ascii: "N")) {
                return .number(.nan)
            }
        }
        let startsWithDot = bytes[index] == UInt8(ascii: ".")
        if startsWithDot && signed { return nil }
        var text = ""
        text.reserveCapacity(bytes.count + 2)
        if signed { text.unicodeScalars.append(Unicode.Scalar(bytes[0])) }
        if startsWithDot { text += "0" }
        // Integer part: a digit first, then digits and underscores.
        let integerStart = index
        while index < bytes.count, isDigitOrUnderscore(bytes[index]) {
            if bytes[index] != UInt8(ascii: "_") { text.unicodeScalars.append(Unicode.Scalar(bytes[index])) }
            index += 1
        }
        if !startsWithDot && (index == integerStart || bytes[integerStart] == UInt8(ascii: "_")) { return nil }
        // Fraction.
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            text += "."
            index += 1
            var fractionDigits = 0
            while index < bytes.count, isDigitOrUnderscore(bytes[index]) {
                if bytes[index] != UInt8(ascii: "_") {
                    text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                    fractionDigits += 1
                }
                index += 1
            }
            if fractionDigits == 0 {
                if startsWithDot { return nil }
                text += "0"
            }
        }
        // Exponent (its sign is required after a leading dot).
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            text += "e"
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            } else if startsWithDot {
                return nil
            }
            let exponentStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
            if index == exponentStart { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text).map(JSONValue.number)
    }

    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
