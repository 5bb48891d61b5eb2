/// Whether a pattern compiles as Go's `regexp` (RE2) compiles it, with its error wording:
/// unbalanced brackets and parentheses, and the Perl constructs RE2 rejects (lookaround, atomic
/// groups, backreferences).
enum RE2Syntax {
    /// `error parsing regexp: ...` for a pattern RE2 rejects, nil for one it accepts.
    static func problem(in pattern: String) -> String? {
        let chars = Array(pattern)
        var depth = 0
        var index = 0
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "\\":
                if index + 1 < chars.count, chars[index + 1].isNumber, chars[index + 1] != "0" {
                    return "error parsing regexp: invalid escape sequence: `\\\(chars[index + 1])`"
                }
                index += 2
                continue
            case "[":
                guard let end = classEnd(chars, from: index) else {
                    return "error parsing regexp: missing closing ]: `\(String(chars[index...]))`"
                }
                index = end
            case "(":
                for construct in ["(?=", "(?!", "(?<=", "(?<!", "(?>"] where String(chars[index...]).hasPrefix(construct) {
                    return "error parsing regexp: invalid or unsupported Perl syntax: `\(construct)`"
                }
                depth += 1
            case ")":
                if depth == 0 { return "error parsing regexp: unexpected ): `\(pattern)`" }
                depth -= 1
            default: break
            }
            index += 1
        }
        return depth > 0 ? "error parsing regexp: missing closing ): `\(pattern)`" : nil
    }

    /// The index of the `]` closing the class opened at `start` (a leading `^` and `]` are literal).
    private static func classEnd(_ chars: [Character], from start: Int) -> Int? {
        var index = start + 1
        if index < chars.count, chars[index] == "^" { index += 1 }
        if index < chars.count, chars[index] == "]" { index += 1 }
        while index < chars.count {
            if chars[index] == "\\" { index += 2; continue }
            if chars[index] == "]" { return index }
            index += 1
        }
        return nil
    }
}
