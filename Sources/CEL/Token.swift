/// A lexical token of CEL with its offset in the source.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        /// Operators, punctuation and the keywords `true`, `false`, `null`, `in`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
    /// The source text of the token, for error messages.
    var text: String

    /// How ANTLR's CEL grammar names this token in `mismatched input` messages.
    var quoted: String {
        if case .end = kind { return "'<EOF>'" }
        return "'\(text)'"
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
}
