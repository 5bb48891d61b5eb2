import KubeModel

/// Expressions over named variables other than `self` (admission policies' `object`,
/// `oldObject`, `request`, `params`), each typed by a schema or dyn.
extension CELProgram {
    /// Parses and checks `source` with each name in `variables` bound to values of its schema
    /// (nil: dyn). Throws the compile errors cel-go would report.
    public static func compile(_ source: String, variables: [String: JSONValue?], kind: Kind = .rule) throws(CELCompileError) -> CELProgram {
        var parser = Parser(source)
        guard let expr = parser.parse() else { throw CELCompileError(source: source, issues: parser.issues) }
        var checker = Checker(variables: variables.mapValues { Checker.variable(schema: $0) })
        let typed = checker.check(expr)
        guard checker.issues.isEmpty else { throw CELCompileError(source: source, issues: checker.issues) }
        return CELProgram(source: source, kind: kind, resultType: typed.type, estimatedCost: typed.cost,
                          usesOldSelf: false, optionalOldSelf: false, expr: expr)
    }

    /// Evaluates with each name bound to its JSON value (null when the value is absent).
    public func evaluate(variables: [String: JSONValue?]) throws(CELEvaluationError) -> CELValue {
        try Interpreter(variables: variables.mapValues { CELValue(json: $0 ?? .null) }).evaluate(expr)
    }
}
