@testable import CEL
import Foundation
import ShipshapeTesting
import Testing

/// `RegexMachine` (RE2's subset, linear time) against RE2's documented semantics and, on seeded
/// random patterns, against ICU's `NSRegularExpression`, which `matches()` used before.
@Suite struct RegexMachineTests {
    @Test(arguments: [
        // Kubernetes' name patterns.
        ("^[a-z]([-a-z0-9]*[a-z0-9])?$", "hello-world", true),
        ("^[a-z]([-a-z0-9]*[a-z0-9])?$", "hello-", false),
        ("^[a-z]([-a-z0-9]*[a-z0-9])?$", "Hello", false),
        ("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "a.b-c.d", true),
        ("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "a..b", false),
        ("[a-z]", "123x", true),
        ("[a-z]", "123", false),
        // Partial match unless anchored; `$` is the end of the text only, as in RE2.
        ("b+", "abbbc", true),
        ("^b", "ab", false),
        ("a$", "a\n", false),
        ("\\Aab\\z", "ab", true),
        // Counted repetition and its lazy form (the same set of matches).
        ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}?$", "aaaaa", true),
        ("^(ab){2}$", "abab", true),
        // RE2's classes are ASCII; `.` stops only at a line feed.
        ("^\\d+$", "123", true),
        ("^\\d+$", "١٢٣", false),
        ("^\\w+$", "a_1", true),
        ("^\\s$", "\u{0B}", false),
        ("^.$", "\r", true),
        ("^.$", "\n", false),
        ("^[^a-c]+$", "xyz", true),
        ("^[\\w.-]+$", "a.b-c_d", true),
        ("^(?:cat|dog)s?$", "dogs", true),
        ("^(|x)$", "", true),
        ("^é+$", "éé", true),
    ])
    func matchesAsRE2(pattern: String, text: String, expected: Bool) throws {
        let machine = try #require(RegexMachine(pattern: pattern))
        #expect(machine.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test func constructsOutsideTheSubsetGoToICU() throws {
        for pattern in ["\\p{L}+", "(?i)abc", "(?P<x>a)", "a**", "[[:alpha:]]", "[a[b]]", "[a&&b]", "\\bword", "a{,2}", "(a", "a)", "[]a]"] {
            #expect(RegexSyntax.parse(pattern) == nil, "\(pattern)")
        }
        #expect(try CELRegex.matches("Ünïcode", "^\\p{L}+$"))
        #expect(throws: CELEvaluationError.self) { try CELRegex.matches("a", "(a") }
    }

    /// Nested unbounded repetition that sends a backtracking engine into exponential time.
    @Test func matchingIsLinear() throws {
        let machine = try #require(RegexMachine(pattern: "^(a*)*(b|c)$"))
        #expect(!machine.matches(String(repeating: "a", count: 5_000)))
        #expect(machine.matches(String(repeating: "a", count: 5_000) + "c"))
    }

    /// 20,000 seeded random patterns of the subset over a small alphabet, each on 8 random
    /// texts: the machine agrees with ICU on every one.
    @Test func agreesWithICUOnRandomPatterns() throws {
        var random = SeededRandom(state: 0x5EED_4E6E)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let pattern = Self.pattern(depth: 3, using: &random)
            let machine = try #require(RegexMachine(pattern: pattern), "\(pattern)")
            let icu = try NSRegularExpression(pattern: Strings.re2Anchors(pattern))
            for _ in 0..<8 {
                let text = String((0..<Int.random(in: 0...7, using: &random)).map { _ in "ab-.1".randomElement(using: &random) ?? "a" })
                let expected = icu.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                if machine.matches(text) != expected, disagreements.count < 10 {
                    disagreements.append("\(pattern) on \(text.debugDescription): ICU \(expected)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    private static func pattern(depth: Int, using random: inout SeededRandom) -> String {
        let atoms = ["a", "b", "-", "\\.", ".", "[ab]", "[^a]", "[a-c1]", "\\d", "\\w", "[\\w.-]"]
        var result = Int.random(in: 0..<8, using: &random) == 0 ? "^" : ""
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            var atom = atoms.randomElement(using: &random) ?? "a"
            var quantifiers = ["", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?"]
            if depth > 0, Int.random(in: 0..<4, using: &random) == 0 {
                let inner = (0..<Int.random(in: 1...2, using: &random)).map { _ in pattern(depth: depth - 1, using: &random) }
                atom = (Bool.random(using: &random) ? "(" : "(?:") + inner.joined(separator: "|") + ")"
                // Groups repeat a bounded number of times: ICU backtracks, and nested unbounded
                // repetition takes it minutes even on these short texts.
                quantifiers = ["", "", "?", "{2}", "{1,2}", "??"]
            }
            result += atom + (quantifiers.randomElement(using: &random) ?? "")
        }
        return result + (Int.random(in: 0..<8, using: &random) == 0 ? "$" : "")
    }
}
