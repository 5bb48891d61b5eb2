/// A parsed CEL expression: a node kind and the source offset it is reported at.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case literal(CELValue)
        case identifier(String)
        /// `operand.field`; `optional` for `.?field`; `test` for `has(operand.field)`.
        case select(Expr, field: String, optional: Bool, test: Bool)
        /// `operand[index]`; `optional` for `[?index]`.
        case index(Expr, Expr, optional: Bool)
        /// A global function (`size(x)`) or a method (`x.startsWith(y)`).
        case call(function: String, target: Expr?, arguments: [Expr])
        case unary(String, Expr)
        /// Arithmetic, comparison and `in`.
        case binary(String, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case conditional(Expr, Expr, Expr)
        case list([Expr])
        case map([(key: Expr, value: Expr)])
        /// `range.all(x, p)` and the other comprehension macros.
        case macro(Macro, range: Expr, variable: String, predicate: Expr, transform: Expr?)
    }

    /// The comprehension macros.
    public enum Macro: String, Sendable {
        case all, exists
        case existsOne = "exists_one"
        case map, filter
    }

    public let kind: Kind
    public let offset: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}
