/// One problem found in an expression's text, at a character offset.
public struct CELIssue: Sendable, Hashable {
    /// Offset in Unicode scalars from the start of the source.
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Why an expression does not compile: its issues, printed the way cel-go prints them
/// (`ERROR: <input>:1:5: undefined field 'x'` with the source line and a caret).
public struct CELCompileError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let issues: [CELIssue]

    public init(source: String, issues: [CELIssue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        issues.map { issue in
            let (line, column, text) = Self.locate(issue.offset, in: source)
            let caret = String(repeating: ".", count: column) + "^"
            return "ERROR: <input>:\(line):\(column + 1): \(issue.message)\n | \(text)\n | \(caret)"
        }.joined(separator: "\n")
    }

    /// 1-based line, 0-based column and the line's text for an offset.
    static func locate(_ offset: Int, in source: String) -> (Int, Int, String) {
        var line = 1, column = 0
        for scalar in source.unicodeScalars.prefix(offset) {
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return (line, column, line - 1 < lines.count ? String(lines[line - 1]) : "")
    }
}

/// Why evaluating an expression failed (`no such key: x`, `division by zero`).
public struct CELEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
