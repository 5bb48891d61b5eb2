import KubeModel
import KubeSchema

/// Whether a schema is structural, as apiextensions-apiserver requires of every v1 CRD: a `type`
/// at every level (unless int-or-string or preserving unknown fields), `items` for arrays, no
/// `additionalProperties` at the root, metadata restricted to name and generateName, and no
/// structure (types, defaults, extensions) inside `allOf`/`anyOf`/`oneOf`/`not`.
enum CRDStructuralSchema {
    enum Level { case root, item, field }

    static func violations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        violations(schema, level: .root, at: path)
    }

    static func violations(_ schema: JSONValue, level: Level, at path: FieldPath) -> [SchemaViolation] {
        guard schema.objectValue != nil else { return [] }
        var errors: [SchemaViolation] = []
        let type = schema["type"]?.stringValue ?? ""
        let intOrString = schema["x-kubernetes-int-or-string"]?.boolValue == true
        let preserve = schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
        let embedded = schema["x-kubernetes-embedded-resource"]?.boolValue == true
        if type == "array", schema["items"] == nil { errors.append(CRDFieldError.required(path.key("items"), "must be specified")) }
        if let items = schema["items"] { errors += violations(items, level: .item, at: path.key("items")) }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in properties.keys { errors += violations(properties[name] ?? .null, level: .field, at: path.key("properties").mapKey(name)) }
        if let additional = schema["additionalProperties"] {
            if level == .root { errors.append(CRDFieldError.forbidden(path.key("additionalProperties"), "must not be used at the root")) }
            if additional.objectValue != nil { errors += violations(additional, level: .field, at: path.key("additionalProperties")) }
        }
        if intOrString, preserve {
            errors.append(CRDFieldError.invalid(path.key("x-kubernetes-preserve-unknown-fields"), true, "must be false if x-kubernetes-int-or-string is true"))
        }
        if intOrString, embedded {
            errors.append(CRDFieldError.invalid(path.key("x-kubernetes-embedded-resource"), true, "must be false if x-kubernetes-int-or-string is true"))
        }
        errors += valueValidationViolations(schema, skipAnyOf: isIntOrStringAnyOf(schema["anyOf"]), at: path)
        if embedded, type != "object" {
            errors.append(type.isEmpty
                ? CRDFieldError.required(path.key("type"), "must be object if x-kubernetes-embedded-resource is true")
                : CRDFieldError.invalid(path.key("type"), .string(type), "must be object if x-kubernetes-embedded-resource is true"))
        } else if type.isEmpty, !intOrString, !preserve {
            let detail = switch level {
            case .root: "must not be empty at the root"
            case .item: "must not be empty for specified array items"
            case .field: "must not be empty for specified object fields"
            }
            errors.append(CRDFieldError.required(path.key("type"), detail))
        }
        if embedded, schema["additionalProperties"] != nil {
            errors.append(CRDFieldError.forbidden(path.key("additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"))
        }
        if level == .root, !type.isEmpty, type != "object" {
            errors.append(CRDFieldError.invalid(path.key("type"), .string(type), "must be object at the root"))
        }
        let checkMetadata = level == .root || embedded
        if checkMetadata {
            for key in ["kind", "apiVersion"] {
                if let property = properties[key], property["type"]?.stringValue != "string" {
                    errors.append(CRDFieldError.invalid(path.key("properties").mapKey(key).key("type"), property["type"] ?? .string(""), "must be string"))
                }
            }
        }
        if let metadata = properties["metadata"] {
            errors += metadataViolations(metadata, check: checkMetadata, root: level == .root, at: path.key("properties").mapKey("metadata"))
        }
        return errors
    }

    /// Metadata must be an object; at the root it may only restrict name and generateName.
    static func metadataViolations(_ metadata: JSONValue, check: Bool, root: Bool, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        if check, metadata["type"]?.stringValue != "object" {
            errors.append(CRDFieldError.invalid(path.key("type"), metadata["type"] ?? .string(""), "must be object"))
        }
        guard root, var rest = metadata.objectValue else { return errors }
        let names = Set((rest["properties"]?.objectValue?.keys ?? []))
        if !names.isEmpty, names.isSubset(of: ["name", "generateName"]) { rest["properties"] = nil }
        rest["type"] = nil
        rest["default"] = nil
        if !rest.isEmpty {
            errors.append(CRDFieldError.forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"))
        }
        return errors
    }

    /// `anyOf: [{type: integer}, {type: string}]`, the one place an int-or-string may name types.
    static func isIntOrStringAnyOf(_ anyOf: JSONValue?) -> Bool {
        anyOf == [["type": "integer"], ["type": "string"]]
    }

    /// `pattern` must compile; the logic junctors may only constrain values, not add structure.
    static func valueValidationViolations(_ schema: JSONValue, skipAnyOf: Bool, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        if let pattern = schema["pattern"]?.stringValue, !pattern.isEmpty, let problem = RE2Syntax.problem(in: pattern) {
            errors.append(CRDFieldError.invalid(path.key("pattern"), .string(pattern), "must be a valid regular expression, but isn't: \(problem)"))
        }
        for key in ["allOf", "anyOf", "oneOf"] where !(key == "anyOf" && skipAnyOf) {
            for (index, member) in (schema[key]?.arrayValue ?? []).enumerated() {
                let skip = key == "allOf" && index == 0 && isIntOrStringAnyOf(member["anyOf"])
                errors += nestedViolations(member, skipAnyOf: skip, at: path.key(key).index(index))
            }
        }
        if let not = schema["not"] { errors += nestedViolations(not, skipAnyOf: false, at: path.key("not")) }
        return errors
    }

    static let nestedForbidden: [(key: String, detail: String)] = [
        ("type", "must be empty to be structural"), ("additionalProperties", "must be undefined to be structural"),
        ("default", "must be undefined to be structural"), ("title", "must be empty to be structural"),
        ("description", "must be empty to be structural"), ("externalDocs", "must be undefined to be structural"),
        ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
        ("x-kubernetes-embedded-resource", "must be false to be structural"),
        ("x-kubernetes-int-or-string", "must be false to be structural"),
        ("x-kubernetes-list-map-keys", "must be empty to be structural"),
        ("x-kubernetes-list-type", "must be undefined to be structural"),
        ("x-kubernetes-map-type", "must be undefined to be structural"),
        ("x-kubernetes-validations", "must be empty to be structural"),
    ]

    static func nestedViolations(_ schema: JSONValue, skipAnyOf: Bool, at path: FieldPath) -> [SchemaViolation] {
        guard schema.objectValue != nil else { return [] }
        var errors = valueValidationViolations(schema, skipAnyOf: skipAnyOf, at: path)
        if let items = schema["items"] { errors += nestedViolations(items, skipAnyOf: false, at: path.key("items")) }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in properties.keys {
            errors += nestedViolations(properties[name] ?? .null, skipAnyOf: false, at: path.key("properties").mapKey(name))
        }
        for (key, detail) in nestedForbidden {
            guard let value = schema[key], key == "default" || (value != false && value != .string("") && value != .array([])) else { continue }
            errors.append(CRDFieldError.forbidden(path.key(key), detail))
        }
        if schema["nullable"]?.boolValue == true { errors.append(CRDFieldError.forbidden(path.key("nullable"), "must be false to be structural")) }
        if properties["metadata"] != nil {
            errors.append(CRDFieldError.forbidden(path.key("properties").mapKey("metadata"), "must not be specified in a nested context"))
        }
        return errors
    }
}
