import KubeModel

/// A CEL runtime value, including the Kubernetes library's quantity, IP and CIDR types.
public indirect enum CELValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map([CELValue: CELValue])
    /// `optional.of(x)` or, when nil, `optional.none()`.
    case optional(CELValue?)
    /// A type value, as `type(x)` returns (`int`, `string`, ...).
    case type(String)
    case quantity(CELQuantity)
    case ip(IPAddress)
    case cidr(CIDR)

    /// The names of CEL's built-in types, which are also identifiers (`type(x) == int`).
    static let typeNames: Set<String> = ["int", "uint", "double", "string", "bool", "bytes", "list", "map", "null_type", "type"]

    /// The CEL name of this value's type, for error messages and `type()`.
    public var typeName: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .list: return "list"
        case .map: return "map"
        case .optional: return "optional_type"
        case .type: return "type"
        case .quantity: return "kubernetes.Quantity"
        case .ip: return "net.IP"
        case .cidr: return "net.CIDR"
        }
    }
}

extension CELValue {
    /// A JSON value as CEL sees it: objects become maps with string keys, integers `int`, and
    /// integers where the schema says `number` become `double`.
    public init(json: JSONValue, schema: JSONValue? = nil) {
        let schema = schema?.objectValue
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value):
            self = schema?["type"]?.stringValue == "number" ? .double(Double(value)) : .int(Int64(value))
        case .number(let value):
            if schema?["type"]?.stringValue == "integer", let int = json.intValue { self = .int(Int64(int)) } else { self = .double(value) }
        case .string(let value): self = .string(value)
        case .array(let items):
            let itemSchema = schema?["items"]
            self = .list(items.map { CELValue(json: $0, schema: itemSchema) })
        case .object(let object):
            let properties = schema?["properties"]?.objectValue
            let additional = schema?["additionalProperties"]
            var map: [CELValue: CELValue] = [:]
            for (key, member) in object {
                map[.string(key)] = CELValue(json: member, schema: properties?[key] ?? additional)
            }
            self = .map(map)
        }
    }

    /// This value as JSON, where it has a JSON form.
    public var json: JSONValue? {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .integer(Int(value))
        case .uint(let value): return value <= UInt64(Int.max) ? .integer(Int(value)) : .number(Double(value))
        case .double(let value): return .number(value)
        case .string(let value): return .string(value)
        case .list(let items):
            var result: [JSONValue] = []
            for item in items {
                guard let json = item.json else { return nil }
                result.append(json)
            }
            return .array(result)
        case .map(let map):
            var result = JSONObject()
            for (key, value) in map.sorted(by: { $0.key.sortKey < $1.key.sortKey }) {
                guard case .string(let name) = key, let json = value.json else { return nil }
                result[name] = json
            }
            return .object(result)
        case .quantity(let quantity): return .string(quantity.text)
        case .ip(let ip): return .string(ip.description)
        case .cidr(let cidr): return .string(cidr.description)
        case .bytes, .optional, .type: return nil
        }
    }

    var sortKey: String {
        if case .string(let text) = self { return text }
        return String(describing: self)
    }
}
