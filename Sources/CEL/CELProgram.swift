import KubeModel

/// A compiled CEL expression: parsed, type-checked against the schema of `self`, ready to
/// evaluate over JSON values.
public struct CELProgram: Sendable {
    /// What an expression is for, which decides the result type it must have.
    public enum Kind: Sendable {
        /// An `x-kubernetes-validations` rule: must evaluate to a bool.
        case rule
        /// A `messageExpression`: must evaluate to a string.
        case messageExpression
    }

    public let source: String
    public let kind: Kind
    /// The static result type.
    public let resultType: CELType
    /// The worst-case cost of one evaluation, estimated from the schema's size bounds.
    public let estimatedCost: Double
    /// Whether the expression refers to `oldSelf` (a transition rule).
    public let usesOldSelf: Bool
    /// `optionalOldSelf`: `oldSelf` is an optional, none on create, and the rule always runs.
    public let optionalOldSelf: Bool
    let expr: Expr

    /// Parses and checks `source` with `self` (and `oldSelf`) bound to values of `schema`;
    /// a nil schema types `self` as dyn; with `optionalOldSelf`, `oldSelf` is an optional.
    /// Throws the compile errors cel-go would report.
    public static func compile(_ source: String, selfSchema schema: JSONValue?, kind: Kind = .rule,
                               optionalOldSelf: Bool = false) throws(CELCompileError) -> CELProgram {
        var parser = Parser(source)
        guard let expr = parser.parse() else { throw CELCompileError(source: source, issues: parser.issues) }
        let selfVariable = Checker.variable(schema: schema)
        var oldVariable = selfVariable
        if optionalOldSelf { oldVariable.type = .optional(selfVariable.type) }
        var checker = Checker(variables: ["self": selfVariable, "oldSelf": oldVariable])
        let typed = checker.check(expr)
        guard checker.issues.isEmpty else { throw CELCompileError(source: source, issues: checker.issues) }
        return CELProgram(source: source, kind: kind, resultType: typed.type, estimatedCost: typed.cost,
                          usesOldSelf: expr.references("oldSelf"), optionalOldSelf: optionalOldSelf, expr: expr)
    }

    /// Whether the result type fits the kind: bool for a rule, string for a message expression.
    public var hasExpectedResultType: Bool {
        resultType.fits(kind == .rule ? .bool : .string)
    }

    /// Evaluates with `self` bound to `value` (and `oldSelf` to `old` when given, or to an
    /// optional of it for `optionalOldSelf`), each converted from JSON by `schema`.
    public func evaluate(self value: JSONValue, oldSelf old: JSONValue? = nil, schema: JSONValue? = nil) throws(CELEvaluationError) -> CELValue {
        var variables: [String: CELValue] = ["self": CELValue(json: value, schema: schema)]
        if optionalOldSelf {
            variables["oldSelf"] = .optional(old.map { CELValue(json: $0, schema: schema) })
        } else if let old {
            variables["oldSelf"] = CELValue(json: old, schema: schema)
        }
        return try Interpreter(variables: variables).evaluate(expr)
    }
}

extension Expr {
    /// Whether the identifier `name` occurs anywhere in this expression.
    func references(_ name: String) -> Bool {
        switch kind {
        case .literal: return false
        case .identifier(let identifier): return identifier == name
        case .select(let operand, _, _, _): return operand.references(name)
        case .index(let a, let b, _), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return a.references(name) || b.references(name)
        case .call(_, let target, let arguments):
            return target?.references(name) == true || arguments.contains { $0.references(name) }
        case .unary(_, let operand): return operand.references(name)
        case .conditional(let a, let b, let c): return a.references(name) || b.references(name) || c.references(name)
        case .list(let items): return items.contains { $0.references(name) }
        case .map(let entries): return entries.contains { $0.key.references(name) || $0.value.references(name) }
        case .macro(_, let range, let variable, let predicate, let transform):
            if range.references(name) { return true }
            if variable == name { return false }
            return predicate.references(name) || transform?.references(name) == true
        }
    }
}
