import Foundation
import KubeModel

/// Infers each expression's type, largest size and worst-case cost from the declared
/// variables, reporting what cel-go's checker reports (undefined fields, undeclared
/// references, operators without a matching overload).
struct Checker {
    /// A checked expression: its type, the most elements its value can hold (characters,
    /// items, entries) and the highest cost of evaluating it.
    struct Typed {
        var type: CELType
        var size: Double = 1
        var cost: Double = 0
        /// The schema values of this expression come from, for nested sizes.
        var schema: JSONValue? = nil
        /// The literal text, for regex costs.
        var literal: String? = nil
    }

    var variables: [String: Typed]
    private(set) var issues: [CELIssue] = []

    init(variables: [String: Typed]) { self.variables = variables }

    /// A variable bound to values under `schema`.
    static func variable(schema: JSONValue?) -> Typed {
        Typed(type: CELSchema.type(of: schema), size: CELSchema.maxSize(of: schema), cost: 1, schema: schema)
    }

    private mutating func fail(_ expr: Expr, _ message: String) -> Typed {
        issues.append(CELIssue(offset: expr.offset, message))
        return Typed(type: .dyn)
    }

    mutating func check(_ expr: Expr) -> Typed {
        switch expr.kind {
        case .literal(let value):
            switch value {
            case .string(let text): return Typed(type: .string, size: Double(text.unicodeScalars.count), literal: text)
            case .bytes(let bytes): return Typed(type: .bytes, size: Double(bytes.count))
            case .int: return Typed(type: .int)
            case .uint: return Typed(type: .uint)
            case .double: return Typed(type: .double)
            case .bool: return Typed(type: .bool)
            default: return Typed(type: .null)
            }
        case .identifier(let name):
            if let typed = variables[name] { return typed }
            if CELValue.typeNames.contains(name) { return Typed(type: .type) }
            return fail(expr, "undeclared reference to '\(name)' (in container '')")
        case .select(let operand, let field, let optional, let test):
            let base = check(operand)
            var result = select(base, field, expr)
            result.cost += base.cost + 1
            if test { return Typed(type: .bool, cost: result.cost) }
            if optional { result.type = .optional(result.type) }
            return result
        case .index(let operand, let index, let optional):
            let base = check(operand), key = check(index)
            var result: Typed
            switch base.type {
            case .list(let element), .map(_, let element):
                let schema = base.schema?["items"] ?? base.schema?["additionalProperties"]
                result = Typed(type: element, size: CELSchema.maxSize(of: schema), schema: schema)
            case .dyn, .optional: result = Typed(type: .dyn, size: CELSchema.maxRequestSize)
            default: return fail(expr, "found no matching overload for '_[_]' applied to '(\(base.type), \(key.type))'")
            }
            result.cost = base.cost + key.cost + 1
            if optional { result.type = .optional(result.type) }
            return result
        case .call(let function, let target, let arguments):
            let receiver = target.map { check($0) }
            let values = arguments.map { check($0) }
            return call(function, receiver, values, expr)
        case .unary(let op, let operand):
            let value = check(operand)
            let expected: CELType = op == "!" ? .bool : value.type
            if (op == "!" && !value.type.fits(.bool)) || (op == "-" && !value.type.isNumeric && value.type != .dyn) {
                return fail(expr, "found no matching overload for '\(op)_' applied to '(\(value.type))'")
            }
            return Typed(type: expected, cost: value.cost + 1)
        case .binary(let op, let lhs, let rhs):
            return binary(op, check(lhs), check(rhs), expr)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let left = check(lhs), right = check(rhs)
            if !left.type.fits(.bool) || !right.type.fits(.bool) {
                let name = if case .and = expr.kind { "_&&_" } else { "_||_" }
                return fail(expr, "found no matching overload for '\(name)' applied to '(\(left.type), \(right.type))'")
            }
            return Typed(type: .bool, cost: left.cost + right.cost)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let test = check(condition), a = check(whenTrue), b = check(whenFalse)
            if !test.type.fits(.bool) { return fail(expr, "found no matching overload for '_?_:_' applied to '(\(test.type), \(a.type), \(b.type))'") }
            let type: CELType = a.type == b.type ? a.type : (a.type == .null ? b.type : (b.type == .null ? a.type : .dyn))
            return Typed(type: type, size: max(a.size, b.size), cost: test.cost + max(a.cost, b.cost), schema: a.schema ?? b.schema)
        case .list(let items):
            let values = items.map { check($0) }
            let element = values.first.map { first in values.allSatisfy { $0.type == first.type } ? first.type : .dyn } ?? .dyn
            return Typed(type: .list(element), size: Double(items.count), cost: values.reduce(10) { $0 + $1.cost })
        case .map(let entries):
            let keys = entries.map { check($0.key) }, values = entries.map { check($0.value) }
            let keyType = keys.first.map { first in keys.allSatisfy { $0.type == first.type } ? first.type : .dyn } ?? .dyn
            let valueType = values.first.map { first in values.allSatisfy { $0.type == first.type } ? first.type : .dyn } ?? .dyn
            let cost = (keys + values).reduce(30) { $0 + $1.cost }
            return Typed(type: .map(keyType, valueType), size: Double(entries.count), cost: cost)
        case .macro(let macro, let range, let variable, let predicate, let transform):
            return comprehension(macro, check(range), variable, predicate, transform, expr)
        }
    }

    private mutating func select(_ base: Typed, _ field: String, _ expr: Expr) -> Typed {
        switch base.type {
        case .object(let node):
            guard let property = node.property(field) else { return fail(expr, "undefined field '\(field)'") }
            return Self.variable(schema: property)
        case .map(_, let value):
            let schema = base.schema?["additionalProperties"]
            return Typed(type: value, size: CELSchema.maxSize(of: schema), schema: schema)
        case .optional(let wrapped):
            var inner = select(Typed(type: wrapped, size: base.size, schema: base.schema), field, expr)
            inner.type = .optional(inner.type)
            return inner
        case .dyn: return Typed(type: .dyn, size: CELSchema.maxRequestSize)
        default: return fail(expr, "type '\(base.type)' does not support field selection")
        }
    }

    private mutating func binary(_ op: String, _ lhs: Typed, _ rhs: Typed, _ expr: Expr) -> Typed {
        let cost = lhs.cost + rhs.cost
        let concrete = lhs.type != .dyn && rhs.type != .dyn
        switch op {
        case "==", "!=":
            return Typed(type: .bool, cost: cost + 1 + (lhs.type == .string || lhs.type == .bytes ? ceil(0.1 * min(lhs.size, rhs.size)) : 0)
                         + (Self.isAggregate(lhs.type) ? min(lhs.size, rhs.size) : 0))
        case "<", "<=", ">", ">=":
            let ordered = (lhs.type.isNumeric && rhs.type.isNumeric) || lhs.type == rhs.type && [.string, .bool, .bytes].contains(lhs.type)
            if concrete, !ordered { return fail(expr, "found no matching overload for '_\(op)_' applied to '(\(lhs.type), \(rhs.type))'") }
            return Typed(type: .bool, cost: cost + 1 + (lhs.type == .string ? ceil(0.1 * min(lhs.size, rhs.size)) : 0))
        case "in":
            switch rhs.type {
            case .list, .map, .object, .dyn: return Typed(type: .bool, cost: cost + 1 + (Self.isList(rhs.type) ? rhs.size : 0))
            default: return fail(expr, "found no matching overload for '@in' applied to '(\(lhs.type), \(rhs.type))'")
            }
        default:
            if !concrete { return Typed(type: lhs.type == .dyn ? rhs.type : lhs.type, size: lhs.size + rhs.size, cost: cost + 1) }
            switch (op, lhs.type, rhs.type) {
            case ("+", .string, .string), ("+", .bytes, .bytes):
                return Typed(type: lhs.type, size: lhs.size + rhs.size, cost: cost + 1 + ceil(0.1 * (lhs.size + rhs.size)))
            case ("+", .list(let a), .list(let b)):
                return Typed(type: .list(a == b ? a : .dyn), size: lhs.size + rhs.size, cost: cost + 1 + lhs.size + rhs.size)
            case (_, .int, .int), (_, .uint, .uint), (_, .double, .double):
                if op == "%", lhs.type == .double { break }
                return Typed(type: lhs.type, cost: cost + 1)
            default: break
            }
            let name = ["+": "_+_", "-": "_-_", "*": "_*_", "/": "_/_", "%": "_%_"][op] ?? op
            return fail(expr, "found no matching overload for '\(name)' applied to '(\(lhs.type), \(rhs.type))'")
        }
    }

    private static func isList(_ type: CELType) -> Bool { if case .list = type { return true } else { return false } }
    private static func isAggregate(_ type: CELType) -> Bool {
        switch type {
        case .list, .map, .object: return true
        default: return false
        }
    }

    private mutating func comprehension(_ macro: Expr.Macro, _ range: Typed, _ variable: String, _ predicate: Expr,
                                        _ transform: Expr?, _ expr: Expr) -> Typed {
        var element: Typed
        switch range.type {
        case .list(let type):
            element = Typed(type: type, size: CELSchema.maxSize(of: range.schema?["items"]), cost: 1, schema: range.schema?["items"])
        case .map(let key, _): element = Typed(type: key, size: CELSchema.maxRequestSize, cost: 1)
        case .object: element = Typed(type: .string, size: CELSchema.maxRequestSize, cost: 1)
        case .dyn: element = Typed(type: .dyn, size: CELSchema.maxRequestSize, cost: 1)
        default:
            return fail(expr, "expression of type '\(range.type)' cannot be range of a comprehension (must be list, map, or dynamic)")
        }
        let shadowed = variables[variable]
        variables[variable] = element
        let test = check(predicate)
        let mapped = transform.map { check($0) }
        variables[variable] = shadowed
        if !test.type.fits(.bool) {
            return fail(predicate, "found no matching overload for '\(macro.rawValue)' predicate of type '\(test.type)'")
        }
        let cost = range.cost + range.size * (test.cost + (mapped?.cost ?? 0) + 1)
        switch macro {
        case .all, .exists, .existsOne: return Typed(type: .bool, cost: cost)
        case .filter: return Typed(type: .list(element.type), size: range.size, cost: cost, schema: range.schema)
        case .map: return Typed(type: .list(mapped?.type ?? .dyn), size: range.size, cost: cost)
        }
    }

    private mutating func call(_ name: String, _ target: Typed?, _ arguments: [Typed], _ expr: Expr) -> Typed {
        let all = (target.map { [$0] } ?? []) + arguments
        let cost = all.reduce(1) { $0 + $1.cost }
        let subject = all.first
        let traversal = ceil(0.1 * (subject?.size ?? 1))
        func typed(_ type: CELType, extra: Double = 0, size: Double = 1) -> Typed { Typed(type: type, size: size, cost: cost + extra) }
        if let subject, let allowed = Self.subjectKinds[name], let kind = Self.kind(of: subject.type), !allowed.contains(kind) {
            let types = arguments.map(\.type.description).joined(separator: ", ")
            let applied = target == nil ? "(\(all.map(\.type.description).joined(separator: ", ")))" : "\(subject.type).(\(types))"
            return fail(expr, "found no matching overload for '\(name)' applied to '\(applied)'")
        }
        switch (name, all.count) {
        case ("size", 1): return typed(.int)
        case ("matches", 2):
            return typed(.bool, extra: traversal * Double(max(1, all[1].literal?.unicodeScalars.count ?? Int(all[1].size))))
        case ("contains", 2), ("startsWith", 2), ("endsWith", 2):
            return typed(.bool, extra: traversal * max(1, ceil(0.1 * all[1].size)))
        case ("isQuantity", 1), ("isIP", 1), ("isCIDR", 1), ("hasValue", 1), ("isLessThan", 2), ("isGreaterThan", 2),
             ("isSorted", 1), ("containsIP", 2), ("containsCIDR", 2), ("isUnspecified", 1), ("isLoopback", 1), ("isInteger", 1):
            return typed(.bool, extra: traversal)
        case ("string", 1), ("lowerAscii", 1), ("upperAscii", 1), ("trim", 1), ("replace", 3), ("join", 1), ("join", 2):
            return typed(.string, extra: traversal, size: subject?.size ?? 1)
        case ("split", 2): return typed(.list(.string), extra: traversal, size: subject?.size ?? 1)
        case ("int", 1), ("sign", 1), ("compareTo", 2), ("indexOf", 2), ("lastIndexOf", 2), ("prefixLength", 1),
             ("family", 1), ("asInteger", 1):
            return typed(.int, extra: traversal)
        case ("uint", 1): return typed(.uint)
        case ("double", 1), ("asApproximateFloat", 1): return typed(.double)
        case ("bool", 1): return typed(.bool)
        case ("bytes", 1): return typed(.bytes)
        case ("type", 1): return typed(.type)
        case ("dyn", 1): return Typed(type: .dyn, size: all[0].size, cost: cost, schema: all[0].schema)
        case ("quantity", 1), ("add", 2), ("sub", 2): return typed(.quantity, extra: traversal)
        case ("ip", 1): return typed(.ip, extra: traversal)
        case ("cidr", 1), ("masked", 1): return typed(.cidr, extra: traversal)
        case ("optional.of", 1): return typed(.optional(all[0].type))
        case ("optional.none", 0): return typed(.optional(.dyn))
        case ("value", 1), ("orValue", 2):
            if case .optional(let wrapped)? = subject?.type { return Typed(type: wrapped, size: subject?.size ?? 1, cost: cost, schema: subject?.schema) }
            return typed(.dyn)
        case ("or", 2): return typed(subject?.type ?? .dyn)
        case ("sum", 1), ("min", 1), ("max", 1):
            if case .list(let element)? = subject?.type { return typed(element, extra: subject?.size ?? 1) }
            return typed(.dyn)
        default:
            if target == nil, !Self.globals.contains(name) {
                return fail(expr, "undeclared reference to '\(name)' (in container '')")
            }
            let types = all.map(\.type.description).joined(separator: ", ")
            return fail(expr, "found no matching overload for '\(name)' applied to '\(target.map { "\($0.type)." } ?? "")(\(types))'")
        }
    }

    /// The kinds of value a function applies to (its receiver, or its first argument).
    private static let subjectKinds: [String: Set<String>] = {
        var kinds: [String: Set<String>] = ["size": ["string", "bytes", "list", "map"], "indexOf": ["string", "list"],
                                            "lastIndexOf": ["list"], "matches": ["string"]]
        for name in ["startsWith", "endsWith", "contains", "lowerAscii", "upperAscii", "trim", "split", "replace",
                     "quantity", "isQuantity", "isIP", "isCIDR", "cidr"] { kinds[name] = ["string"] }
        for name in ["join", "isSorted", "sum", "min", "max"] { kinds[name] = ["list"] }
        for name in ["compareTo", "isLessThan", "isGreaterThan", "add", "sub", "sign", "asInteger", "asApproximateFloat",
                     "isInteger"] { kinds[name] = ["quantity"] }
        for name in ["containsIP", "containsCIDR", "prefixLength", "masked"] { kinds[name] = ["cidr"] }
        for name in ["family", "isUnspecified", "isLoopback"] { kinds[name] = ["ip"] }
        for name in ["hasValue", "value", "orValue", "or"] { kinds[name] = ["optional"] }
        kinds["ip"] = ["string", "cidr"]
        return kinds
    }()

    /// A type's kind for overload checks; nil for dyn, which fits every overload.
    private static func kind(of type: CELType) -> String? {
        switch type {
        case .dyn: return nil
        case .list: return "list"
        case .map, .object: return "map"
        case .optional: return "optional"
        case .quantity: return "quantity"
        case .ip: return "ip"
        case .cidr: return "cidr"
        default: return type.description
        }
    }

    private static let globals: Set<String> = ["size", "matches", "string", "int", "uint", "double", "bool", "bytes", "type",
                                               "dyn", "quantity", "isQuantity", "ip", "isIP", "cidr", "isCIDR",
                                               "optional.of", "optional.none"]
}
