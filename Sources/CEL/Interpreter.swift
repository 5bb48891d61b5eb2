import Foundation

/// Evaluates a parsed expression over bound variables with CEL's semantics: errors are values
/// that `&&`, `||` and the quantifier macros absorb when the other side decides the result.
struct Interpreter {
    var variables: [String: CELValue]

    func evaluate(_ expr: Expr) throws(CELEvaluationError) -> CELValue {
        switch expr.kind {
        case .literal(let value): return value
        case .identifier(let name):
            if let value = variables[name] { return value }
            if CELValue.typeNames.contains(name) { return .type(name) }
            throw CELEvaluationError("no such attribute: \(name)")
        case .select(let operand, let field, let optional, let test):
            return try select(try evaluate(operand), field, optional: optional, test: test)
        case .index(let operand, let index, let optional):
            return try self.index(try evaluate(operand), try evaluate(index), optional: optional)
        case .call(let function, let target, let arguments):
            let receiver = try target.map(evaluate)
            var values: [CELValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            return try Functions.call(function, target: receiver, arguments: values)
        case .unary(let op, let operand):
            return try Operators.unary(op, try evaluate(operand))
        case .binary(let op, let lhs, let rhs):
            return try Operators.binary(op, try evaluate(lhs), try evaluate(rhs))
        case .and(let lhs, let rhs):
            return try logical(lhs, rhs, absorbing: false)
        case .or(let lhs, let rhs):
            return try logical(lhs, rhs, absorbing: true)
        case .conditional(let condition, let whenTrue, let whenFalse):
            guard case .bool(let holds) = try evaluate(condition) else { throw CELEvaluationError("no such overload: _?_:_") }
            return try evaluate(holds ? whenTrue : whenFalse)
        case .list(let items):
            var values: [CELValue] = []
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .map(let entries):
            var map: [CELValue: CELValue] = [:]
            for entry in entries {
                let key = try evaluate(entry.key)
                if map[key] != nil { throw CELEvaluationError("Failed with repeated key") }
                map[key] = try evaluate(entry.value)
            }
            return .map(map)
        case .macro(let macro, let range, let variable, let predicate, let transform):
            return try comprehension(macro, try evaluate(range), variable, predicate, transform)
        }
    }

    /// `&&` (false absorbs) and `||` (true absorbs), evaluating both sides like CEL.
    private func logical(_ lhs: Expr, _ rhs: Expr, absorbing: Bool) throws(CELEvaluationError) -> CELValue {
        let left = Result(catching: { () throws(CELEvaluationError) in try evaluate(lhs) })
        if case .success(.bool(absorbing)) = left { return .bool(absorbing) }
        let right = Result(catching: { () throws(CELEvaluationError) in try evaluate(rhs) })
        if case .success(.bool(absorbing)) = right { return .bool(absorbing) }
        let name = absorbing ? "_||_" : "_&&_"
        switch (left, right) {
        case (.success(.bool), .success(.bool)): return .bool(!absorbing)
        case (.failure(let error), _), (_, .failure(let error)): throw error
        default: throw CELEvaluationError("no such overload: \(name)")
        }
    }

    func select(_ value: CELValue, _ field: String, optional: Bool, test: Bool) throws(CELEvaluationError) -> CELValue {
        if case .optional(let wrapped) = value {
            guard let wrapped else { return .optional(nil) }
            return .optional(try select(wrapped, field, optional: false, test: test))
        }
        guard case .map(let map) = value else {
            throw CELEvaluationError(test ? "invalid type for field selection." : "no such key: \(field)")
        }
        let member = map[.string(field)] ?? Self.unescaped(field).flatMap { map[.string($0)] }
        if test { return .bool(member != nil) }
        if optional { return .optional(member) }
        guard let member else { throw CELEvaluationError("no such key: \(field)") }
        return member
    }

    /// The property name a Kubernetes-escaped identifier stands for (`__namespace__`, `a__dash__b`).
    static func unescaped(_ name: String) -> String? {
        guard name.contains("__") else { return nil }
        if name.hasPrefix("__"), name.hasSuffix("__"), name.count > 4 {
            let inner = String(name.dropFirst(2).dropLast(2))
            if CELSchema.reservedWords.contains(inner) { return inner }
        }
        var text = name
        for (escape, character) in [("__underscores__", "__"), ("__dot__", "."), ("__dash__", "-"), ("__slash__", "/")] {
            text = text.replacingOccurrences(of: escape, with: character)
        }
        return text == name ? nil : text
    }

    func index(_ value: CELValue, _ key: CELValue, optional: Bool) throws(CELEvaluationError) -> CELValue {
        if case .optional(let wrapped) = value {
            guard let wrapped else { return .optional(nil) }
            return .optional(try index(wrapped, key, optional: false))
        }
        switch value {
        case .list(let items):
            let position: Int
            switch key {
            case .int(let i): position = Int(i)
            case .uint(let u): position = Int(clamping: u)
            case .double(let d) where d.rounded() == d && abs(d) < 1e18: position = Int(d)
            default: throw CELEvaluationError("unsupported index type '\(key.typeName)' in list")
            }
            guard items.indices.contains(position) else {
                if optional { return .optional(nil) }
                throw CELEvaluationError("index out of bounds: \(position)")
            }
            return optional ? .optional(items[position]) : items[position]
        case .map(let map):
            let member = map[key] ?? Operators.numericKey(key).flatMap { alternative in map[alternative] }
            if optional { return .optional(member) }
            guard let member else { throw CELEvaluationError("no such key: \(Format.display(key))") }
            return member
        default:
            throw CELEvaluationError("no such overload: _[_] applied to (\(value.typeName), \(key.typeName))")
        }
    }

    private func comprehension(_ macro: Expr.Macro, _ range: CELValue, _ variable: String, _ predicate: Expr,
                               _ transform: Expr?) throws(CELEvaluationError) -> CELValue {
        let elements: [CELValue]
        switch range {
        case .list(let items): elements = items
        case .map(let map): elements = map.keys.sorted { $0.sortKey < $1.sortKey }
        default: throw CELEvaluationError("expression of type '\(range.typeName)' cannot be range of a comprehension")
        }
        var scope = self
        var firstError: CELEvaluationError?
        var count = 0
        var results: [CELValue] = []
        for element in elements {
            scope.variables[variable] = element
            let outcome = Result(catching: { () throws(CELEvaluationError) in try scope.evaluate(predicate) })
            switch (macro, outcome) {
            case (.all, .success(.bool(false))): return .bool(false)
            case (.exists, .success(.bool(true))): return .bool(true)
            case (.all, .success(.bool(true))), (.exists, .success(.bool(false))): continue
            case (.all, .failure(let error)), (.exists, .failure(let error)):
                firstError = firstError ?? error
            case (.existsOne, .success(.bool(let holds))):
                if holds { count += 1 }
            case (.filter, .success(.bool(let holds))):
                if holds { results.append(element) }
            case (.map, .success(.bool(let holds))):
                if holds, let transform { results.append(try scope.evaluate(transform)) }
            case (_, .failure(let error)):
                throw error
            case (_, .success(let other)):
                throw CELEvaluationError("no such overload: predicate of \(macro.rawValue) is \(other.typeName), not bool")
            }
        }
        switch macro {
        case .all, .exists:
            if let firstError { throw firstError }
            return .bool(macro == .all)
        case .existsOne: return .bool(count == 1)
        case .map, .filter: return .list(results)
        }
    }
}
