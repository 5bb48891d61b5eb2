/// A regular expression in RE2's syntax, as Kubernetes' CEL `matches()` and OpenAPI `pattern`
/// read it, limited to the constructs schemas use: literals, `.`, classes (`[a-z0-9-]`, `[^...]`,
/// `\d \w \s` and their negations), groups (`(...)`, `(?:...)`), `|`, `* + ?` and `{n}`,
/// `{n,}`, `{n,m}` (lazy forms too), `^ $ \A \z`. Anything else parses to nil, and the caller
/// uses another engine.
indirect enum RegexSyntax: Equatable {
    case scalars(RegexClass)
    case textStart
    case textEnd
    case sequence([RegexSyntax])
    case alternation([RegexSyntax])
    /// `max == nil`: unbounded.
    case repetition(RegexSyntax, min: Int, max: Int?)

    /// The pattern's syntax tree, or nil where the pattern uses a construct outside this subset
    /// (or is not a valid pattern).
    static func parse(_ pattern: String) -> RegexSyntax? {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        guard let syntax = parser.alternation(), parser.index == parser.scalars.count else { return nil }
        return syntax
    }
}

/// A set of Unicode scalars: ranges, or everything outside them.
struct RegexClass: Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar.value) } != negated
    }

    static let digit = RegexClass(ranges: [0x30...0x39])
    static let word = RegexClass(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// RE2's `\s`: tab, line feed, form feed, carriage return, space (no vertical tab).
    static let space = RegexClass(ranges: [0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
    /// `.`: any scalar but a line feed (RE2 without the `s` flag).
    static let any = RegexClass(ranges: [0x0A...0x0A], negated: true)

    static func scalar(_ scalar: Unicode.Scalar) -> RegexClass { RegexClass(ranges: [scalar.value...scalar.value]) }

    /// The one scalar this class holds, if it holds exactly one.
    var single: Unicode.Scalar? {
        guard !negated, ranges.count == 1, let only = ranges.first, only.count == 1 else { return nil }
        return Unicode.Scalar(only.lowerBound)
    }
}

/// A recursive-descent parser over the pattern's scalars; every method returns nil for syntax
/// outside the subset.
private struct RegexParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// RE2 refuses repetition counts above 1,000.
    private let maxCount = 1000

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func alternation() -> RegexSyntax? {
        var branches: [RegexSyntax] = []
        while true {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
            guard next == "|" else { break }
            index += 1
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() -> RegexSyntax? {
        var items: [RegexSyntax] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            guard var item = atom() else { return nil }
            if let (min, max) = quantifier() {
                item = .repetition(item, min: min, max: max)
                if next == "?" { index += 1 }  // lazy: the same set of matches
                // RE2 refuses a repeated repetition (`a**`); ICU reads some as possessive.
                if let following = next, "*+?{".unicodeScalars.contains(following) { return nil }
            }
            items.append(item)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func quantifier() -> (Int, Int?)? {
        switch next {
        case "*": index += 1; return (0, nil)
        case "+": index += 1; return (1, nil)
        case "?": index += 1; return (0, 1)
        case "{":
            let start = index
            index += 1
            guard let min = number() else { index = start; return nil }
            var max: Int? = min
            if next == "," {
                index += 1
                max = next == "}" ? nil : number()
                if max == nil, next != "}" { index = start; return nil }
            }
            guard next == "}", min <= maxCount, (max ?? min) <= maxCount, min <= (max ?? min) else {
                index = start
                return nil
            }
            index += 1
            return (min, max)
        default: return nil
        }
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let scalar = next, let digit = Int(String(scalar)), scalar.isASCII {
            value = (value ?? 0) * 10 + digit
            if value ?? 0 > 100_000 { return nil }
            index += 1
        }
        return value
    }

    private mutating func atom() -> RegexSyntax? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "(":
            if next == "?" {
                // Only the non-capturing group; flags and named groups go elsewhere.
                guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
                index += 2
            }
            guard let inner = alternation(), next == ")" else { return nil }
            index += 1
            return inner
        case "[": return characterClass().map(RegexSyntax.scalars)
        case ".": return .scalars(.any)
        case "^": return .textStart
        case "$": return .textEnd
        case "\\":
            guard let escaped = next else { return nil }
            index += 1
            switch escaped {
            case "A": return .textStart
            case "z": return .textEnd
            default: return escape(escaped).map(RegexSyntax.scalars)
            }
        case "*", "+", "?", "{", "}", ")", "]": return nil
        default: return .scalars(.scalar(scalar))
        }
    }

    /// The class a backslash escape stands for, inside or outside brackets.
    private func escape(_ scalar: Unicode.Scalar) -> RegexClass? {
        switch scalar {
        case "d": return .digit
        case "D": return RegexClass(ranges: RegexClass.digit.ranges, negated: true)
        case "w": return .word
        case "W": return RegexClass(ranges: RegexClass.word.ranges, negated: true)
        case "s": return .space
        case "S": return RegexClass(ranges: RegexClass.space.ranges, negated: true)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        default:
            // Escaped punctuation stands for itself; escaped letters and digits mean other things.
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return .scalar(scalar)
        }
    }

    /// After `[`: the class up to its `]`.
    private mutating func characterClass() -> RegexClass? {
        var result = RegexClass(ranges: [])
        if next == "^" {
            result.negated = true
            index += 1
        }
        // `]` first, `[` inside (ICU nests sets) and `&&` (ICU intersects) are read differently
        // by the two engines.
        guard next != "]" else { return nil }
        while let scalar = next, scalar != "]" {
            guard scalar != "[", !(scalar == "&" && index + 1 < scalars.count && scalars[index + 1] == "&") else { return nil }
            index += 1
            var low: Unicode.Scalar = scalar
            if scalar == "\\" {
                guard let escaped = next else { return nil }
                index += 1
                guard let set = escape(escaped), !set.negated else { return nil }
                guard let single = set.single else {
                    // `\d`, `\w`, `\s` inside brackets: their ranges join the class.
                    result.ranges += set.ranges
                    continue
                }
                low = single
            }
            if next == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard var high = next, high != "[" else { return nil }
                index += 1
                if high == "\\" {
                    guard let escaped = next, let single = escape(escaped)?.single else { return nil }
                    index += 1
                    high = single
                }
                guard low.value <= high.value else { return nil }
                result.ranges.append(low.value...high.value)
            } else {
                result.ranges.append(low.value...low.value)
            }
        }
        guard next == "]" else { return nil }
        index += 1
        return result
    }
}
