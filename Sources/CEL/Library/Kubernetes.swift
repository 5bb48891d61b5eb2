/// The Kubernetes quantity, IP and CIDR libraries.
enum Kubernetes {
    static func call(_ name: String, target: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue? {
        if target == nil, arguments.count == 1, case .string(let text) = arguments[0] {
            switch name {
            case "quantity":
                guard let quantity = CELQuantity(text) else { throw CELEvaluationError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'") }
                return .quantity(quantity)
            case "isQuantity": return .bool(CELQuantity(text) != nil)
            case "ip":
                guard let ip = IPAddress(text) else { throw CELEvaluationError("IP Address \"\(text)\" parse error during conversion from string") }
                return .ip(ip)
            case "isIP": return .bool(IPAddress(text) != nil)
            case "cidr":
                guard let cidr = CIDR(text) else { throw CELEvaluationError("network address parse error during conversion from string") }
                return .cidr(cidr)
            case "isCIDR": return .bool(CIDR(text) != nil)
            default: return nil
            }
        }
        switch target {
        case .quantity(let quantity)?: return try quantityMethod(name, quantity, arguments)
        case .ip(let ip)? where arguments.isEmpty:
            switch name {
            case "family": return .int(Int64(ip.family))
            case "isUnspecified": return .bool(ip.bytes.allSatisfy { $0 == 0 })
            case "isLoopback": return .bool(ip.family == 4 ? ip.bytes[0] == 127 : ip.bytes == Array(repeating: 0, count: 15) + [1])
            default: return nil
            }
        case .cidr(let cidr)?:
            switch (name, arguments.first) {
            case ("prefixLength", nil): return .int(Int64(cidr.prefixLength))
            case ("ip", nil): return .ip(cidr.address)
            case ("masked", nil): return .cidr(cidr.masked)
            case ("containsIP", .ip(let ip)?): return .bool(cidr.contains(ip))
            case ("containsIP", .string(let text)?):
                guard let ip = IPAddress(text) else { throw CELEvaluationError("IP Address \"\(text)\" parse error during conversion from string") }
                return .bool(cidr.contains(ip))
            case ("containsCIDR", .cidr(let other)?): return .bool(cidr.contains(other))
            case ("containsCIDR", .string(let text)?):
                guard let other = CIDR(text) else { throw CELEvaluationError("network address parse error during conversion from string") }
                return .bool(cidr.contains(other))
            default: return nil
            }
        default: return nil
        }
    }

    private static func quantityMethod(_ name: String, _ quantity: CELQuantity, _ arguments: [CELValue]) throws(CELEvaluationError) -> CELValue? {
        func sign(_ a: Double, _ b: Double) -> Int64 { a < b ? -1 : (a > b ? 1 : 0) }
        switch (name, arguments.first) {
        case ("compareTo", .quantity(let other)?): return .int(sign(quantity.value, other.value))
        case ("isLessThan", .quantity(let other)?): return .bool(quantity.value < other.value)
        case ("isGreaterThan", .quantity(let other)?): return .bool(quantity.value > other.value)
        case ("add", .quantity(let other)?): return .quantity(CELQuantity(value: quantity.value + other.value))
        case ("sub", .quantity(let other)?): return .quantity(CELQuantity(value: quantity.value - other.value))
        case ("add", .int(let other)?): return .quantity(CELQuantity(value: quantity.value + Double(other)))
        case ("sub", .int(let other)?): return .quantity(CELQuantity(value: quantity.value - Double(other)))
        case ("sign", nil): return .int(sign(quantity.value, 0))
        case ("isInteger", nil): return .bool(quantity.value.rounded() == quantity.value && abs(quantity.value) < 9.2e18)
        case ("asInteger", nil):
            guard quantity.value.rounded() == quantity.value, abs(quantity.value) < 9.2e18 else {
                throw CELEvaluationError("cannot convert value to integer")
            }
            return .int(Int64(quantity.value))
        case ("asApproximateFloat", nil): return .double(quantity.value)
        default: return nil
        }
    }
}
