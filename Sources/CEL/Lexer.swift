/// Splits CEL source into tokens; an unknown character or a malformed literal is an issue.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var issues: [CELIssue] = []

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    static let keywords: Set<String> = ["true", "false", "null", "in"]
    private static let symbols = ["==", "!=", "<=", ">=", "&&", "||", ".?", "[?",
                                  "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"]

    mutating func tokens() -> [Token] {
        var result: [Token] = []
        while true {
            skipSpaceAndComments()
            guard position < scalars.count else {
                result.append(Token(kind: .end, offset: scalars.count, text: ""))
                return result
            }
            if let token = next() { result.append(token) }
        }
    }

    private mutating func skipSpaceAndComments() {
        while position < scalars.count {
            let c = scalars[position]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/", peek(1) == "/" {
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private func peek(_ ahead: Int) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func text(_ start: Int) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[start..<position])
        return s
    }

    private mutating func next() -> Token? {
        let start = position
        let c = scalars[position]
        if Self.isIdentifierStart(c) {
            if (c == "r" || c == "R" || c == "b" || c == "B"), let q = peek(1), q == "\"" || q == "'" {
                return stringLiteral(start: start)
            }
            if (c == "r" || c == "R" || c == "b" || c == "B"), let p = peek(1), (p == "r" || p == "R" || p == "b" || p == "B"),
               let q = peek(2), q == "\"" || q == "'" {
                return stringLiteral(start: start)
            }
            while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
            let word = text(start)
            return Token(kind: Self.keywords.contains(word) ? .symbol(word) : .identifier(word), offset: start, text: word)
        }
        if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) { return number(start: start) }
        if c == "\"" || c == "'" { return stringLiteral(start: start) }
        for symbol in Self.symbols {
            let chars = Array(symbol.unicodeScalars)
            if position + chars.count <= scalars.count, Array(scalars[position..<position + chars.count]) == chars {
                position += chars.count
                return Token(kind: .symbol(symbol), offset: start, text: symbol)
            }
        }
        position += 1
        issues.append(CELIssue(offset: start, "Syntax error: token recognition error at: '\(text(start))'"))
        return nil
    }

    private mutating func number(start: Int) -> Token {
        if scalars[position] == "0", let x = peek(1), x == "x" || x == "X" {
            position += 2
            while position < scalars.count, scalars[position].properties.isASCIIHexDigit { position += 1 }
            let digits = String(text(start).dropFirst(2))
            if position < scalars.count, scalars[position] == "u" || scalars[position] == "U" {
                position += 1
                return literal(UInt64(digits, radix: 16).map(Token.Kind.uint), start)
            }
            return literal(Int64(digits, radix: 16).map(Token.Kind.int), start)
        }
        var isDouble = false
        while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
        if position < scalars.count, scalars[position] == ".", peek(1).map(Self.isDigit) == true {
            isDouble = true
            position += 1
            while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" { ahead = 2 }
            if peek(ahead).map(Self.isDigit) == true {
                isDouble = true
                position += ahead
                while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
            }
        }
        let digits = text(start)
        if isDouble { return literal(Double(digits).map(Token.Kind.double), start) }
        if position < scalars.count, scalars[position] == "u" || scalars[position] == "U" {
            position += 1
            return literal(UInt64(digits).map(Token.Kind.uint), start)
        }
        return literal(Int64(digits).map(Token.Kind.int), start)
    }

    private mutating func literal(_ kind: Token.Kind?, _ start: Int) -> Token {
        guard let kind else {
            issues.append(CELIssue(offset: start, "invalid literal: \(text(start))"))
            return Token(kind: .int(0), offset: start, text: text(start))
        }
        return Token(kind: kind, offset: start, text: text(start))
    }

    private mutating func stringLiteral(start: Int) -> Token {
        var raw = false, bytes = false
        while scalars[position] != "\"" && scalars[position] != "'" {
            if scalars[position] == "r" || scalars[position] == "R" { raw = true } else { bytes = true }
            position += 1
        }
        let quote = scalars[position]
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var value = ""
        while true {
            guard position < scalars.count else {
                issues.append(CELIssue(offset: start, "Syntax error: token recognition error at: '\(text(start))'"))
                return Token(kind: .string(value), offset: start, text: text(start))
            }
            let c = scalars[position]
            if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                position += triple ? 3 : 1
                break
            }
            if !triple, c == "\n" || c == "\r" {
                issues.append(CELIssue(offset: start, "Syntax error: token recognition error at: '\(text(start))'"))
                return Token(kind: .string(value), offset: start, text: text(start))
            }
            if c == "\\", !raw {
                position += 1
                guard let escaped = escape() else {
                    issues.append(CELIssue(offset: position, "Syntax error: invalid escape sequence"))
                    continue
                }
                value.unicodeScalars.append(escaped)
                continue
            }
            value.unicodeScalars.append(c)
            position += 1
        }
        let kind: Token.Kind = bytes ? .bytes(Array(value.utf8)) : .string(value)
        return Token(kind: kind, offset: start, text: text(start))
    }

    /// The character an escape after `\` stands for, advancing past it.
    private mutating func escape() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        let c = scalars[position]
        position += 1
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "\\", "'", "\"", "`", "?": return c
        case "x", "X": return hex(count: 2)
        case "u": return hex(count: 4)
        case "U": return hex(count: 8)
        case "0"..."3":
            var value = UInt32(c.value - 48)
            for _ in 0..<2 {
                guard position < scalars.count, ("0"..."7").contains(scalars[position]) else { return nil }
                value = value * 8 + scalars[position].value - 48
                position += 1
            }
            return Unicode.Scalar(value)
        default: return nil
        }
    }

    private mutating func hex(count: Int) -> Unicode.Scalar? {
        guard position + count <= scalars.count else { return nil }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[position..<position + count])
        position += count
        return UInt32(s, radix: 16).flatMap(Unicode.Scalar.init)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
