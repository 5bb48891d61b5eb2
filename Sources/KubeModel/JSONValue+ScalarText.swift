extension JSONValue {
    /// A scalar as text, the way a label or annotation value reads (`1.0`, `true`); nil otherwise.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }
}
