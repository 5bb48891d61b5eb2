import KubeModel

/// The static type of an expression, as the checker infers it from the schema of `self`.
public indirect enum CELType: Sendable, Equatable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes, type
    case list(CELType)
    case map(CELType, CELType)
    /// An object schema with declared properties (field selection is checked against them).
    case object(CELSchemaNode)
    case optional(CELType)
    case quantity, ip, cidr

    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .type: return "type"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .object(let node): return node.typeName
        case .optional(let wrapped): return "optional_type(\(wrapped))"
        case .quantity: return "kubernetes.Quantity"
        case .ip: return "net.IP"
        case .cidr: return "net.CIDR"
        }
    }

    /// Whether a value of this type may be used where `other` is expected (dyn fits all).
    func fits(_ other: CELType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn): return true
        case (.list(let a), .list(let b)): return a.fits(b)
        case (.map(let a1, let a2), .map(let b1, let b2)): return a1.fits(b1) && a2.fits(b2)
        case (.object, .object), (.object, .map), (.map, .object): return true
        case (.optional(let a), .optional(let b)): return a.fits(b)
        default: return self == other
        }
    }

    var isNumeric: Bool { self == .int || self == .uint || self == .double }
}

/// An object schema node: its properties, for typing field selection.
public struct CELSchemaNode: Sendable, Equatable {
    public let schema: JSONObject
    public let typeName: String

    public static func == (lhs: CELSchemaNode, rhs: CELSchemaNode) -> Bool { lhs.schema == rhs.schema }

    func property(_ name: String) -> JSONValue? {
        let properties = schema["properties"]?.objectValue
        return properties?[name] ?? Interpreter.unescaped(name).flatMap { properties?[$0] }
    }
}
