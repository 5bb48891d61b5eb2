import Foundation

/// The functions CEL and the Kubernetes libraries provide, by name (global or method).
enum Functions {
    static func call(_ name: String, target: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue {
        let all = (target.map { [$0] } ?? []) + arguments
        switch (name, all.count) {
        case ("size", 1): return try size(all[0])
        case ("type", 1): return .type(all[0].typeName)
        case ("dyn", 1): return all[0]
        case ("string", 1): return try Conversions.string(all[0])
        case ("int", 1): return try Conversions.int(all[0])
        case ("uint", 1): return try Conversions.uint(all[0])
        case ("double", 1): return try Conversions.double(all[0])
        case ("bool", 1): return try Conversions.bool(all[0])
        case ("bytes", 1):
            guard case .string(let text) = all[0] else { break }
            return .bytes(Array(text.utf8))
        default: break
        }
        if let result = try Strings.call(name, target: target, arguments: arguments) { return result }
        if let result = try Lists.call(name, target: target, arguments: arguments) { return result }
        if let result = try Kubernetes.call(name, target: target, arguments: arguments) { return result }
        if let result = try Optionals.call(name, target: target, arguments: arguments) { return result }
        let types = all.map(\.typeName).joined(separator: ", ")
        throw CELEvaluationError("no such overload: \(name)(\(types))")
    }

    static func size(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .string(let text): return .int(Int64(text.unicodeScalars.count))
        case .bytes(let bytes): return .int(Int64(bytes.count))
        case .list(let items): return .int(Int64(items.count))
        case .map(let map): return .int(Int64(map.count))
        default: throw CELEvaluationError("no such overload: size(\(value.typeName))")
        }
    }
}

/// `string()`, `int()`, `uint()`, `double()`, `bool()`.
enum Conversions {
    static func string(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .string: return value
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(Format.double(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let bytes):
            guard let text = String(bytes: bytes, encoding: .utf8) else { throw CELEvaluationError("invalid UTF-8 in bytes, cannot convert to string") }
            return .string(text)
        case .ip(let ip): return .string(ip.description)
        case .cidr(let cidr): return .string(cidr.description)
        case .quantity(let quantity): return .string(quantity.text)
        case .type(let name): return .string(name)
        default: throw CELEvaluationError("no such overload: string(\(value.typeName))")
        }
    }

    static func int(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .int: return value
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw CELEvaluationError("integer overflow") }
            return .int(Int64(u))
        case .double(let d):
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775807e18 else { throw CELEvaluationError("integer overflow") }
            return .int(Int64(d))
        case .string(let text):
            guard let i = Int64(text) else { throw CELEvaluationError("cannot convert string to int: \(text)") }
            return .int(i)
        default: throw CELEvaluationError("no such overload: int(\(value.typeName))")
        }
    }

    static func uint(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .uint: return value
        case .int(let i):
            guard i >= 0 else { throw CELEvaluationError("unsigned integer overflow") }
            return .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d >= 0, d < 1.8446744073709552e19 else { throw CELEvaluationError("unsigned integer overflow") }
            return .uint(UInt64(d))
        case .string(let text):
            guard let u = UInt64(text) else { throw CELEvaluationError("cannot convert string to uint: \(text)") }
            return .uint(u)
        default: throw CELEvaluationError("no such overload: uint(\(value.typeName))")
        }
    }

    static func double(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .double: return value
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let text):
            guard let d = Double(text) else { throw CELEvaluationError("cannot convert string to double: \(text)") }
            return .double(d)
        default: throw CELEvaluationError("no such overload: double(\(value.typeName))")
        }
    }

    static func bool(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .bool: return value
        case .string(let text):
            switch text {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw CELEvaluationError("cannot convert string to bool: \(text)")
            }
        default: throw CELEvaluationError("no such overload: bool(\(value.typeName))")
        }
    }
}

/// How values print in messages.
enum Format {
    static func double(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e21 ? String(format: "%.0f", d) : String(d)
    }

    static func display(_ value: CELValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d): return double(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return value.json?.jsonText() ?? value.typeName
        }
    }
}
