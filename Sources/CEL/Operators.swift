/// CEL's operators over runtime values: arithmetic with overflow errors, heterogeneous numeric
/// equality and ordering, `in`.
enum Operators {
    static func unary(_ op: String, _ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (op, value) {
        case ("!", .bool(let b)): return .bool(!b)
        case ("-", .int(let i)):
            guard i != .min else { throw CELEvaluationError("return error for overflow") }
            return .int(-i)
        case ("-", .double(let d)): return .double(-d)
        default: throw CELEvaluationError("no such overload: \(op)_ applied to (\(value.typeName))")
        }
    }

    static func binary(_ op: String, _ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue {
        switch op {
        case "==": return .bool(equal(lhs, rhs))
        case "!=": return .bool(!equal(lhs, rhs))
        case "<", "<=", ">", ">=":
            guard let order = compare(lhs, rhs) else { throw overload(op, lhs, rhs) }
            switch op {
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "in":
            switch rhs {
            case .list(let items): return .bool(items.contains { equal($0, lhs) })
            case .map(let map): return .bool(map[lhs] != nil || numericKey(lhs).map { map[$0] != nil } == true)
            default: throw overload(op, lhs, rhs)
            }
        default: return try arithmetic(op, lhs, rhs)
        }
    }

    private static func arithmetic(_ op: String, _ lhs: CELValue, _ rhs: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            guard let result = try integer(op, a, b) else { throw overload(op, lhs, rhs) }
            return .int(result)
        case (.uint(let a), .uint(let b)):
            guard let result = try integer(op, a, b) else { throw overload(op, lhs, rhs) }
            return .uint(result)
        case (.double(let a), .double(let b)):
            switch op {
            case "+": return .double(a + b)
            case "-": return .double(a - b)
            case "*": return .double(a * b)
            case "/": return .double(a / b)
            default: throw overload(op, lhs, rhs)
            }
        case (.string(let a), .string(let b)) where op == "+": return .string(a + b)
        case (.bytes(let a), .bytes(let b)) where op == "+": return .bytes(a + b)
        case (.list(let a), .list(let b)) where op == "+": return .list(a + b)
        default: throw overload(op, lhs, rhs)
        }
    }

    /// `+ - * / %` on int or uint, with CEL's errors for overflow and division by zero; nil for
    /// another operator.
    private static func integer<T: FixedWidthInteger>(_ op: String, _ a: T, _ b: T) throws(CELEvaluationError) -> T? {
        let result: (partialValue: T, overflow: Bool)
        switch op {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/", "%":
            guard b != 0 else { throw CELEvaluationError(op == "/" ? "division by zero" : "modulus by zero") }
            result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        default: return nil
        }
        if result.overflow { throw CELEvaluationError("return error for overflow") }
        return result.partialValue
    }

    static func overload(_ op: String, _ lhs: CELValue, _ rhs: CELValue) -> CELEvaluationError {
        CELEvaluationError("no such overload: \(lhs.typeName) \(op) \(rhs.typeName)")
    }

    /// CEL equality: numbers compare across int, uint and double; lists and maps element-wise.
    static func equal(_ lhs: CELValue, _ rhs: CELValue) -> Bool {
        switch (lhs, rhs) {
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } == true }
        case (.optional(let a), .optional(let b)):
            switch (a, b) {
            case (nil, nil): return true
            case (let x?, let y?): return equal(x, y)
            default: return false
            }
        default:
            if let order = numericOrder(lhs, rhs) { return order == 0 }
            return lhs == rhs
        }
    }

    /// -1, 0 or 1; nil when the values are not ordered with each other.
    static func compare(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
        if let order = numericOrder(lhs, rhs) { return order }
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
        case (.bytes(let a), .bytes(let b)): return a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
        default: return nil
        }
    }

    private static func numericOrder(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.uint(let a), .uint(let b)): return sign(a, b)
        case (.double(let a), .double(let b)): return a.isNaN || b.isNaN ? nil : sign(a, b)
        case (.int(let a), .uint(let b)): return a < 0 ? -1 : sign(UInt64(a), b)
        case (.uint(let a), .int(let b)): return b < 0 ? 1 : sign(a, UInt64(b))
        case (.int(let a), .double(let b)): return b.isNaN ? nil : sign(Double(a), b)
        case (.double(let a), .int(let b)): return a.isNaN ? nil : sign(a, Double(b))
        case (.uint(let a), .double(let b)): return b.isNaN ? nil : sign(Double(a), b)
        case (.double(let a), .uint(let b)): return a.isNaN ? nil : sign(a, Double(b))
        default: return nil
        }
    }

    /// The same number as another key type (`1u` for `1`), for map lookups across numeric types.
    static func numericKey(_ key: CELValue) -> CELValue? {
        switch key {
        case .int(let i) where i >= 0: return .uint(UInt64(i))
        case .uint(let u) where u <= UInt64(Int64.max): return .int(Int64(u))
        case .double(let d) where d.rounded() == d && abs(d) < 9e18: return .int(Int64(d))
        default: return nil
        }
    }
}
