import Foundation

/// String functions: the standard ones (`contains`, `startsWith`, `endsWith`, `matches`) and
/// the Kubernetes strings library's `lowerAscii`, `upperAscii`, `split`, `join`, `trim`,
/// `replace`, `indexOf`.
enum Strings {
    static func call(_ name: String, target: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue? {
        switch (name, target, arguments.count) {
        case ("matches", nil, 2):
            guard case .string(let text) = arguments[0], case .string(let pattern) = arguments[1] else { return nil }
            return .bool(try matches(text, pattern))
        case ("join", .list(let items)?, 0), ("join", .list(let items)?, 1):
            let separator: String
            if arguments.isEmpty { separator = "" } else if case .string(let s) = arguments[0] { separator = s } else { return nil }
            var parts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw CELEvaluationError("join: list must hold strings") }
                parts.append(text)
            }
            return .string(parts.joined(separator: separator))
        default: break
        }
        guard case .string(let text)? = target else { return nil }
        let strings = arguments.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        switch (name, strings.count, arguments.count) {
        case ("contains", 1, 1): return .bool(strings[0].isEmpty || text.contains(strings[0]))
        case ("startsWith", 1, 1): return .bool(text.unicodeScalars.starts(with: strings[0].unicodeScalars))
        case ("endsWith", 1, 1): return .bool(text.unicodeScalars.reversed().starts(with: strings[0].unicodeScalars.reversed()))
        case ("matches", 1, 1): return .bool(try matches(text, strings[0]))
        case ("lowerAscii", 0, 0): return .string(String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 })))
        case ("upperAscii", 0, 0): return .string(String(String.UnicodeScalarView(text.unicodeScalars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32) ?? $0 : $0 })))
        case ("trim", 0, 0): return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case ("split", 1, 1):
            if strings[0].isEmpty { return .list(text.unicodeScalars.map { .string(String($0)) }) }
            return .list(text.components(separatedBy: strings[0]).map(CELValue.string))
        case ("replace", 2, 2): return .string(text.replacingOccurrences(of: strings[0], with: strings[1]))
        case ("indexOf", 1, 1):
            guard !strings[0].isEmpty else { return .int(0) }
            guard let range = text.range(of: strings[0]) else { return .int(-1) }
            return .int(Int64(text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)))
        default: return nil
        }
    }

    /// RE2-style partial match (the pattern may match anywhere unless anchored). Patterns in
    /// `RegexSyntax`'s subset run on `RegexMachine` (RE2's semantics, linear time, and no ICU
    /// set-up: that was a tenth of a one-file audit's start-up); others on ICU.
    static func matches(_ text: String, _ pattern: String) throws(CELEvaluationError) -> Bool {
        if let machine = RegexMachine(pattern: pattern) { return machine.matches(text) }
        guard let regex = try? NSRegularExpression(pattern: re2Anchors(pattern)) else {
            throw CELEvaluationError("invalid regular expression: \(pattern)")
        }
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }

    /// `pattern` with RE2's `$` (end of text only) written as `\z`: ICU's `$` also matches
    /// before a final line break, which RE2 does not.
    static func re2Anchors(_ pattern: String) -> String {
        var result = "", escaped = false, inClass = false
        for character in pattern {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" {
                inClass = true
            } else if character == "]" {
                inClass = false
            } else if character == "$", !inClass {
                result += "\\z"
                continue
            }
            result.append(character)
        }
        return result
    }
}

/// Regular expressions as CEL's `matches` and OpenAPI's `pattern` use them.
public enum CELRegex {
    /// Whether `pattern` matches anywhere in `text`; an invalid pattern is an error.
    public static func matches(_ text: String, _ pattern: String) throws(CELEvaluationError) -> Bool {
        try Strings.matches(text, pattern)
    }
}
