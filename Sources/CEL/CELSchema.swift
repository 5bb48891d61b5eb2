import KubeModel

/// How Kubernetes maps a structural OpenAPI schema to CEL: types, escaped property names, and
/// the size bounds the cost estimator assumes when a schema declares none.
public enum CELSchema {
    /// Identifiers CEL reserves; a property with such a name is selected as `__name__`.
    static let reservedWords: Set<String> = ["true", "false", "null", "in", "as", "break", "const", "continue", "else",
                                             "for", "function", "if", "import", "let", "loop", "package", "namespace",
                                             "return", "var", "void", "while"]

    /// The largest request the API server accepts (3 MiB): the bound for unbounded sizes.
    static let maxRequestSize = 3 * 1024 * 1024.0

    /// The CEL type of values under `schema`.
    public static func type(of schema: JSONValue?) -> CELType {
        guard let schema = schema?.objectValue else { return .dyn }
        if schema["x-kubernetes-int-or-string"]?.boolValue == true { return .dyn }
        let type = schema["type"]?.stringValue ?? (schema["properties"] != nil ? "object" : "")
        switch type {
        case "object":
            if schema["properties"] != nil { return .object(CELSchemaNode(schema: schema, typeName: "object")) }
            if let additional = schema["additionalProperties"], additional.objectValue != nil {
                return .map(.string, Self.type(of: additional))
            }
            if schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true || schema["additionalProperties"]?.boolValue == true {
                return .dyn
            }
            return .object(CELSchemaNode(schema: schema, typeName: "object"))
        case "array": return .list(Self.type(of: schema["items"]))
        case "string": return .string
        case "integer": return .int
        case "number": return .double
        case "boolean": return .bool
        default: return .dyn
        }
    }

    /// The root schema of a custom resource as its rules see it: `apiVersion`, `kind` and the
    /// `metadata.name` and `metadata.generateName` of the object are selectable too.
    public static func resourceRoot(_ schema: JSONValue) -> JSONValue {
        guard var root = schema.objectValue else { return schema }
        var properties = root["properties"]?.objectValue ?? JSONObject()
        properties["apiVersion"] = properties["apiVersion"] ?? ["type": "string"]
        properties["kind"] = properties["kind"] ?? ["type": "string"]
        properties["metadata"] = [
            "type": "object",
            "properties": ["name": ["type": "string"], "generateName": ["type": "string"]],
        ]
        root["properties"] = .object(properties)
        return .object(root)
    }

    /// The most elements (string characters, list items, map entries) a value under `schema`
    /// can have: the declared bound, else what fits in the largest request.
    static func maxSize(of schema: JSONValue?) -> Double {
        guard let schema = schema?.objectValue else { return maxRequestSize }
        switch type(of: .object(schema)) {
        case .string:
            return schema["maxLength"]?.doubleValue ?? (maxRequestSize - 2)
        case .list:
            if let max = schema["maxItems"]?.doubleValue { return max }
            return ((maxRequestSize - 2) / (minSerializedSize(of: schema["items"]) + 1)).rounded(.down)
        case .map, .object:
            if let max = schema["maxProperties"]?.doubleValue { return max }
            if let properties = schema["properties"]?.objectValue { return Double(properties.count) }
            // `"":` plus the smallest value and a comma.
            return ((maxRequestSize - 2) / (4 + minSerializedSize(of: schema["additionalProperties"]))).rounded(.down)
        default:
            return 1
        }
    }

    /// The fewest bytes a value under `schema` takes in JSON.
    static func minSerializedSize(of schema: JSONValue?) -> Double {
        switch schema?["type"]?.stringValue {
        case "string": return 2 + (schema?["minLength"]?.doubleValue ?? 0)
        case "boolean": return 4
        case "array", "object": return 2
        default: return 1
        }
    }
}
