import CEL
import KubeModel
import KubeSchema

/// Validates a CRD version's `openAPIV3Schema`: what the API accepts at all (no `$ref`, no
/// `uniqueItems`, list and map types, `x-kubernetes-validations` reasons and field paths), then that
/// the schema is structural, then (only for a structural schema) its defaults and CEL rules.
enum CRDSchemaValidation {
    static func violations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors = apiViolations(schema, at: path)
        let structural = CRDStructuralSchema.violations(schema, at: path)
        errors += structural
        if structural.isEmpty {
            errors += defaultViolations(schema, at: path)
            errors += CRDRuleCompiler.violations(openAPIV3Schema: schema, at: path)
        }
        return errors
    }

    static let nestedSchemaKeys = ["allOf", "anyOf", "oneOf"]
    static let ruleReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"]

    /// The checks every schema node gets, whether structural or not.
    static func apiViolations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        guard schema.objectValue != nil else { return [] }
        var errors: [SchemaViolation] = []
        let unsupported = [("id", "id is not supported"), ("$ref", "$ref is not supported"),
                           ("patternProperties", "patternProperties is not supported"), ("definitions", "definitions is not supported"),
                           ("dependencies", "dependencies is not supported"), ("additionalItems", "additionalItems is not supported")]
        for (key, detail) in unsupported where schema[key] != nil { errors.append(CRDFieldError.forbidden(path.key(key), detail)) }
        if schema["type"]?.stringValue == "null" {
            errors.append(CRDFieldError.forbidden(path.key("type"), "type cannot be set to null, use nullable as an alternative"))
        }
        if schema["items"]?.arrayValue != nil {
            errors.append(CRDFieldError.forbidden(path.key("items"), "items must be a schema object and not an array"))
        }
        if schema["uniqueItems"]?.boolValue == true {
            errors.append(CRDFieldError.forbidden(path.key("uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"))
        }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        if let additional = schema["additionalProperties"] {
            if !properties.isEmpty, additional.boolValue == false || additional.objectValue != nil {
                errors.append(CRDFieldError.forbidden(path.key("additionalProperties"), "additionalProperties and properties are mutual exclusive"))
            }
            errors += apiViolations(additional, at: path.key("additionalProperties"))
        }
        for name in properties.keys { errors += apiViolations(properties[name] ?? .null, at: path.key("properties").mapKey(name)) }
        if let items = schema["items"], items.objectValue != nil { errors += apiViolations(items, at: path.key("items")) }
        for key in nestedSchemaKeys {
            for (index, member) in (schema[key]?.arrayValue ?? []).enumerated() { errors += apiViolations(member, at: path.key(key).index(index)) }
        }
        if let not = schema["not"] { errors += apiViolations(not, at: path.key("not")) }
        if schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == false {
            errors.append(CRDFieldError.invalid(path.key("x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined"))
        }
        errors += listTypeViolations(schema, at: path)
        if let mapType = schema["x-kubernetes-map-type"], !["atomic", "granular"].contains(mapType.stringValue ?? "") {
            errors.append(CRDFieldError.notSupported(path.key("x-kubernetes-map-type"), mapType, ["atomic", "granular"]))
        }
        errors += validationRuleViolations(schema, at: path)
        return errors
    }

    /// `x-kubernetes-list-type` and `x-kubernetes-list-map-keys`.
    static func listTypeViolations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        let listType = schema["x-kubernetes-list-type"]
        let keys = (schema["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue)
        if let listType, !["atomic", "map", "set"].contains(listType.stringValue ?? "") {
            errors.append(CRDFieldError.notSupported(path.key("x-kubernetes-list-type"), listType, ["atomic", "map", "set"]))
        }
        if listType != nil, schema["type"]?.stringValue != "array" {
            errors.append(CRDFieldError.invalid(path.key("x-kubernetes-list-type"), listType ?? .null, "must only be used if type is array"))
        }
        guard listType?.stringValue == "map" else {
            if !keys.isEmpty {
                errors.append(CRDFieldError.forbidden(path.key("x-kubernetes-list-map-keys"), "must only be used if x-kubernetes-list-type is `map`"))
            }
            return errors
        }
        if keys.isEmpty {
            errors.append(CRDFieldError.required(path.key("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map"))
        }
        guard let items = schema["items"], items.objectValue != nil else {
            errors.append(CRDFieldError.required(path.key("items"), "must have a schema if x-kubernetes-list-type is `map`"))
            return errors
        }
        guard items["type"]?.stringValue == "object" else {
            errors.append(CRDFieldError.invalid(path.key("items").key("type"), items["type"] ?? .null, "must be object if parent array's x-kubernetes-list-type is `map`"))
            return errors
        }
        let required = Set((items["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        for key in keys {
            let at = path.key("items").key("properties").mapKey(key)
            guard let property = items["properties"]?[key] else {
                errors.append(CRDFieldError.invalid(path.key("x-kubernetes-list-map-keys"), schema["x-kubernetes-list-map-keys"] ?? .null,
                                                    "entries must all be names of item properties"))
                continue
            }
            if !["string", "integer", "number", "boolean"].contains(property["type"]?.stringValue ?? ""),
               property["x-kubernetes-int-or-string"]?.boolValue != true {
                errors.append(CRDFieldError.invalid(at.key("type"), property["type"] ?? .null, "must be a scalar type if parent array's x-kubernetes-list-type is `map`"))
            }
            if property["default"] == nil, !required.contains(key) {
                errors.append(CRDFieldError.required(at.key("default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"))
            }
        }
        return errors
    }

    /// The static parts of `x-kubernetes-validations`: rule present, message well formed, reason
    /// supported, fieldPath a path into this schema.
    static func validationRuleViolations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        for (index, rule) in (schema["x-kubernetes-validations"]?.arrayValue ?? []).enumerated() {
            let at = path.key("x-kubernetes-validations").index(index)
            if (rule["rule"]?.stringValue ?? "").isEmpty { errors.append(CRDFieldError.required(at.key("rule"), "rule is not specified")) }
            if let message = rule["message"]?.stringValue {
                if message.allSatisfy(\.isWhitespace) {
                    errors.append(CRDFieldError.required(at.key("message"), "message must be non-empty if specified"))
                } else if message.contains(where: \.isNewline) {
                    errors.append(CRDFieldError.invalid(at.key("message"), .string(message), "message must not contain line breaks"))
                }
            }
            if let expression = rule["messageExpression"]?.stringValue, expression.allSatisfy(\.isWhitespace) {
                errors.append(CRDFieldError.required(at.key("messageExpression"), "messageExpression must be non-empty if specified"))
            }
            if let reason = rule["reason"], !ruleReasons.contains(reason.stringValue ?? "") {
                errors.append(CRDFieldError.notSupported(at.key("reason"), reason, ruleReasons))
            }
            if let fieldPath = rule["fieldPath"]?.stringValue, !fieldPath.isEmpty, !CELSchemaCheck.isValidFieldPath(fieldPath, in: schema) {
                errors.append(CRDFieldError.invalid(at.key("fieldPath"), .string(fieldPath), "must be a valid path"))
            }
        }
        return errors
    }

    /// Each `default` must be valid against its own schema and carry no field the schema prunes.
    static func defaultViolations(_ schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        if let value = schema["default"] {
            let result = SchemaValidator(options: .structural).validate(value, against: schema)
            errors += result.violations.map { violation in
                var violation = violation
                violation.path = path.key("default").appending(violation.path)
                return violation
            }
            if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value),
               !result.violations.contains(where: { $0.kind == .notSupported && $0.path.isRoot }) {
                let listed = allowed.map { $0.stringValue ?? $0.jsonText() }
                errors.append(CRDFieldError.notSupported(path.key("default"), value, listed))
            }
            if result.violations.isEmpty, !result.unknownFields.isEmpty {
                errors.append(CRDFieldError.invalid(path.key("default"), value, "must not have unknown fields"))
            }
        }
        for (child, at) in children(of: schema, at: path) { errors += defaultViolations(child, at: at) }
        return errors
    }

    /// The structural children of a schema node: properties, additionalProperties, items.
    static func children(of schema: JSONValue, at path: FieldPath) -> [(JSONValue, FieldPath)] {
        var result: [(JSONValue, FieldPath)] = []
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in properties.keys { if let child = properties[name] { result.append((child, path.key("properties").mapKey(name))) } }
        if let additional = schema["additionalProperties"], additional.objectValue != nil { result.append((additional, path.key("additionalProperties"))) }
        if let items = schema["items"], items.objectValue != nil { result.append((items, path.key("items"))) }
        return result
    }
}
