import KubeModel

extension JSONValue {
    /// The value as Go's `%v` prints a decoded JSON document (`map[spec:map[replicas:1e+06]]`):
    /// maps with sorted keys, slices space-separated, numbers as float64, null as `<nil>`. The
    /// API server quotes a strategic merge patch and unstructured values this way in some errors.
    var goFormatted: String {
        switch self {
        case .null: return "<nil>"
        case .bool(let value): return String(value)
        case .integer(let value): return Self.goFloat(value)
        case .number(let value): return value == value.rounded() && abs(value) < 1e18 ? Self.goFloat(Int(value)) : String(value)
        case .string(let value): return value
        case .array(let items): return "[" + items.map(\.goFormatted).joined(separator: " ") + "]"
        case .object(let object):
            return "map[" + object.keys.sorted().map { "\($0):\(object[$0]?.goFormatted ?? "<nil>")" }.joined(separator: " ") + "]"
        }
    }

    /// A whole float64 as `%v` shows it: plain below a million, otherwise in shortest `e` form.
    private static func goFloat(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 6 else { return String(value) }
        let significant = digits.reversed().drop { $0 == "0" }.reversed()
        let mantissa = significant.count > 1 ? "\(significant.first ?? "0").\(String(significant.dropFirst()))" : String(significant)
        let exponent = digits.count - 1
        return (value < 0 ? "-" : "") + mantissa + "e+" + (exponent < 10 ? "0" : "") + String(exponent)
    }
}

extension JSONValue {
    /// The Go type `%T` names for the value decoded into an unstructured object.
    var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .integer: return "int64"
        case .number: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }
}
