/// A recursive-descent parser for CEL's grammar, expanding `has` and the comprehension macros.
struct Parser {
    private var tokens: [Token]
    private var position = 0
    private(set) var issues: [CELIssue]
    private var depth = 0

    /// What may start an operand, as cel-go lists it in syntax errors.
    private static let expected = "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}"

    init(_ source: String) {
        var lexer = Lexer(source)
        tokens = lexer.tokens()
        issues = lexer.issues
    }

    /// The whole expression, or nil with `issues` filled.
    mutating func parse() -> Expr? {
        let expr = expression()
        if issues.isEmpty, !current.isEnd {
            issues.append(CELIssue(offset: current.offset, "Syntax error: extraneous input \(current.quoted) expecting <EOF>"))
        }
        return issues.isEmpty ? expr : nil
    }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) {
        if !accept(symbol) { fail("Syntax error: mismatched input \(current.quoted) expecting '\(symbol)'") }
    }

    private mutating func fail(_ message: String, at offset: Int? = nil) {
        if issues.isEmpty { issues.append(CELIssue(offset: offset ?? current.offset, message)) }
    }

    private mutating func expression() -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth < 250 else {
            fail("expression recursion limit exceeded")
            return Expr(.literal(.null), at: current.offset)
        }
        let condition = logicalOr()
        guard current.isSymbol("?") else { return condition }
        let offset = advance().offset
        let whenTrue = logicalOr()
        expect(":")
        let whenFalse = expression()
        return Expr(.conditional(condition, whenTrue, whenFalse), at: offset)
    }

    private mutating func logicalOr() -> Expr {
        var lhs = logicalAnd()
        while current.isSymbol("||") {
            let offset = advance().offset
            lhs = Expr(.or(lhs, logicalAnd()), at: offset)
        }
        return lhs
    }

    private mutating func logicalAnd() -> Expr {
        var lhs = relation()
        while current.isSymbol("&&") {
            let offset = advance().offset
            lhs = Expr(.and(lhs, relation()), at: offset)
        }
        return lhs
    }

    private mutating func relation() -> Expr {
        var lhs = addition()
        while case .symbol(let op) = current.kind, ["<", "<=", ">", ">=", "==", "!=", "in"].contains(op) {
            let offset = advance().offset
            lhs = Expr(.binary(op, lhs, addition()), at: offset)
        }
        return lhs
    }

    private mutating func addition() -> Expr {
        var lhs = multiplication()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            let offset = advance().offset
            lhs = Expr(.binary(op, lhs, multiplication()), at: offset)
        }
        return lhs
    }

    private mutating func multiplication() -> Expr {
        var lhs = unary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" || op == "%" {
            let offset = advance().offset
            lhs = Expr(.binary(op, lhs, unary()), at: offset)
        }
        return lhs
    }

    private mutating func unary() -> Expr {
        if case .symbol(let op) = current.kind, op == "!" || op == "-" {
            let offset = advance().offset
            if op == "-", case .int(let value)? = literalInt(), value >= 0 {
                // `-9223372036854775808` is a literal, not a negation of an overflowing one.
                return member(Expr(.literal(.int(-value)), at: offset))
            }
            return Expr(.unary(op, unary()), at: offset)
        }
        return member(primary())
    }

    /// A negative integer literal directly after `-`, consumed.
    private mutating func literalInt() -> CELValue? {
        guard case .int(let value) = current.kind else { return nil }
        _ = advance()
        return .int(value)
    }

    private mutating func member(_ operand: Expr) -> Expr {
        var expr = operand
        while issues.isEmpty {
            if current.isSymbol(".") || current.isSymbol(".?") {
                let optional = current.isSymbol(".?")
                let offset = advance().offset
                guard case .identifier(let name) = current.kind else {
                    fail("Syntax error: no viable alternative at input '.\(current.text)'")
                    return expr
                }
                _ = advance()
                if !optional, current.isSymbol("(") {
                    _ = advance()
                    let arguments = argumentList(closing: ")")
                    expr = methodCall(name, target: expr, arguments: arguments, at: offset)
                } else {
                    expr = Expr(.select(expr, field: name, optional: optional, test: false), at: offset)
                }
            } else if current.isSymbol("[") || current.isSymbol("[?") {
                let optional = current.isSymbol("[?")
                let offset = advance().offset
                let index = expression()
                expect("]")
                expr = Expr(.index(expr, index, optional: optional), at: offset)
            } else {
                return expr
            }
        }
        return expr
    }

    private mutating func primary() -> Expr {
        let token = current
        switch token.kind {
        case .int(let value): _ = advance(); return Expr(.literal(.int(value)), at: token.offset)
        case .uint(let value): _ = advance(); return Expr(.literal(.uint(value)), at: token.offset)
        case .double(let value): _ = advance(); return Expr(.literal(.double(value)), at: token.offset)
        case .string(let value): _ = advance(); return Expr(.literal(.string(value)), at: token.offset)
        case .bytes(let value): _ = advance(); return Expr(.literal(.bytes(value)), at: token.offset)
        case .symbol("true"): _ = advance(); return Expr(.literal(.bool(true)), at: token.offset)
        case .symbol("false"): _ = advance(); return Expr(.literal(.bool(false)), at: token.offset)
        case .symbol("null"): _ = advance(); return Expr(.literal(.null), at: token.offset)
        case .symbol("("):
            _ = advance()
            let inner = expression()
            expect(")")
            return inner
        case .symbol("["):
            _ = advance()
            return Expr(.list(argumentList(closing: "]")), at: token.offset)
        case .symbol("{"):
            _ = advance()
            return Expr(.map(mapEntries()), at: token.offset)
        case .symbol("."), .identifier:
            if token.isSymbol(".") { _ = advance() }
            guard case .identifier(let name) = current.kind else {
                fail("Syntax error: mismatched input \(current.quoted) expecting IDENTIFIER")
                return Expr(.literal(.null), at: token.offset)
            }
            let offset = advance().offset
            if current.isSymbol("(") {
                _ = advance()
                let arguments = argumentList(closing: ")")
                return globalCall(name, arguments: arguments, at: offset)
            }
            return Expr(.identifier(name), at: offset)
        default:
            fail("Syntax error: mismatched input \(token.quoted) expecting \(Self.expected)")
            return Expr(.literal(.null), at: token.offset)
        }
    }

    private mutating func argumentList(closing: String) -> [Expr] {
        var items: [Expr] = []
        if accept(closing) { return items }
        while issues.isEmpty {
            items.append(expression())
            if accept(",") {
                if accept(closing) { return items }
                continue
            }
            expect(closing)
            break
        }
        return items
    }

    private mutating func mapEntries() -> [(key: Expr, value: Expr)] {
        var entries: [(key: Expr, value: Expr)] = []
        if accept("}") { return entries }
        while issues.isEmpty {
            let key = expression()
            expect(":")
            entries.append((key, expression()))
            if accept(",") {
                if accept("}") { return entries }
                continue
            }
            expect("}")
            break
        }
        return entries
    }

    private mutating func globalCall(_ name: String, arguments: [Expr], at offset: Int) -> Expr {
        if name == "has" {
            guard arguments.count == 1, case .select(let operand, let field, false, _) = arguments[0].kind else {
                fail("invalid argument to has() macro", at: offset)
                return Expr(.literal(.null), at: offset)
            }
            return Expr(.select(operand, field: field, optional: false, test: true), at: arguments[0].offset)
        }
        return Expr(.call(function: name, target: nil, arguments: arguments), at: offset)
    }

    private mutating func methodCall(_ name: String, target: Expr, arguments: [Expr], at offset: Int) -> Expr {
        if case .identifier("optional") = target.kind, name == "of" || name == "none" {
            return Expr(.call(function: "optional.\(name)", target: nil, arguments: arguments), at: offset)
        }
        guard let macro = Expr.Macro(rawValue: name) else {
            return Expr(.call(function: name, target: target, arguments: arguments), at: offset)
        }
        let arity = macro == .map ? [2, 3] : [2]
        guard arity.contains(arguments.count) else {
            return Expr(.call(function: name, target: target, arguments: arguments), at: offset)
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            fail("argument must be a simple name", at: arguments[0].offset)
            return Expr(.literal(.null), at: offset)
        }
        if macro == .map, arguments.count == 3 {
            return Expr(.macro(.map, range: target, variable: variable, predicate: arguments[1], transform: arguments[2]), at: offset)
        }
        if macro == .map {
            return Expr(.macro(.map, range: target, variable: variable, predicate: Expr(.literal(.bool(true)), at: offset),
                               transform: arguments[1]), at: offset)
        }
        return Expr(.macro(macro, range: target, variable: variable, predicate: arguments[1], transform: nil), at: offset)
    }
}

extension Token {
    var isEnd: Bool { kind == .end }
}
