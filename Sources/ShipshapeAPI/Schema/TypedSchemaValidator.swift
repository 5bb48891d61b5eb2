import KubeModel

/// Strict validation of a value against a `Schema`, as `kubectl apply --validate=strict` and the
/// API server would judge it: types, unknown fields, required fields, enums, formats, bounds,
/// unique list keys, then the cross-field rules of every object that is otherwise valid.
///
/// It judges a Microservice document against Shipshape's own typed `Schema` model and reports every
/// issue with its field path. KubeSchema's `SchemaValidator` is the other half: the API
/// server's storage path over JSON OpenAPI documents (pruning, defaulting, no CEL or patterns).
public enum TypedSchemaValidator {
    /// Every issue found, in document order; empty when the value is valid.
    public static func validate(_ value: JSONValue, against schema: Schema, at path: FieldPath = .root) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        check(value, schema, path, &issues)
        return issues
    }

    private static func check(_ value: JSONValue, _ schema: Schema, _ path: FieldPath, _ issues: inout [ValidationIssue]) {
        let before = issues.count
        switch schema.kind {
        case .string:
            guard let text = value.stringValue else { return issues.append(mismatch(path, "a string", value)) }
            checkString(text, schema, path, &issues)
        case .integer:
            guard case .integer(let int) = value else {
                if let int = value.intValue, case .number = value { return checkNumber(Double(int), schema, path, &issues) }
                return issues.append(mismatch(path, "an integer", value))
            }
            checkNumber(Double(int), schema, path, &issues)
        case .number:
            guard let number = value.doubleValue else { return issues.append(mismatch(path, "a number", value)) }
            checkNumber(number, schema, path, &issues)
        case .boolean:
            guard value.boolValue != nil else { return issues.append(mismatch(path, "true or false", value)) }
        case .intOrString:
            switch value {
            case .string(let text): checkString(text, schema, path, &issues)
            case .integer: break
            default: issues.append(mismatch(path, "an integer or a string", value))
            }
        case .freeform:
            guard value.objectValue != nil else { return issues.append(mismatch(path, "an object", value)) }
        case .array:
            guard let array = value.arrayValue else { return issues.append(mismatch(path, "a list", value)) }
            checkArray(array, schema, path, &issues)
        case .object:
            guard let object = value.objectValue else { return issues.append(mismatch(path, "an object", value)) }
            checkObject(object, schema, path, &issues)
        }
        guard issues.count == before else { return }
        for rule in schema.rules where !rule.holds(value) {
            let target = rule.fieldPath.map { path.appending(FieldPath(parsing: $0)) } ?? path
            issues.append(ValidationIssue(target, rule.message))
        }
    }

    private static func mismatch(_ path: FieldPath, _ expected: String, _ value: JSONValue) -> ValidationIssue {
        ValidationIssue(path, "must be \(expected), not \(describe(value))")
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "the string \"\(text.prefix(40))\""
        case .integer(let int): return "the number \(int)"
        case .number(let number): return "the number \(number)"
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    private static func checkString(_ text: String, _ schema: Schema, _ path: FieldPath, _ issues: inout [ValidationIssue]) {
        if !schema.enumValues.isEmpty, !schema.enumValues.contains(text) {
            return issues.append(ValidationIssue(path, "must be one of \(schema.enumValues.joined(separator: ", ")), not \"\(text)\""))
        }
        if let minLength = schema.minLength, text.count < minLength {
            return issues.append(ValidationIssue(path, minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters"))
        }
        if let maxLength = schema.maxLength, text.count > maxLength {
            return issues.append(ValidationIssue(path, "must be at most \(maxLength) characters"))
        }
        if let format = schema.format, !format.accepts(text) {
            issues.append(ValidationIssue(path, "\"\(text.prefix(80))\" is not \(format.summary)"))
        }
    }

    private static func checkNumber(_ number: Double, _ schema: Schema, _ path: FieldPath, _ issues: inout [ValidationIssue]) {
        let outOfRange: Bool = {
            if let minimum = schema.minimum, number < minimum { return true }
            if let maximum = schema.maximum, number > maximum { return true }
            return false
        }()
        guard outOfRange else { return }
        let format = { (bound: Double) in schema.kind == .integer ? String(Int(bound)) : String(bound) }
        switch (schema.minimum, schema.maximum) {
        case let (min?, max?): issues.append(ValidationIssue(path, "must be \(format(min))-\(format(max))"))
        case let (min?, nil): issues.append(ValidationIssue(path, "must be at least \(format(min))"))
        case let (nil, max?): issues.append(ValidationIssue(path, "must be at most \(format(max))"))
        case (nil, nil): break
        }
    }

    private static func checkArray(_ array: [JSONValue], _ schema: Schema, _ path: FieldPath, _ issues: inout [ValidationIssue]) {
        if let minItems = schema.minItems, array.count < minItems {
            issues.append(ValidationIssue(path, "must have at least \(minItems) item\(minItems == 1 ? "" : "s")"))
        }
        if let maxItems = schema.maxItems, array.count > maxItems {
            issues.append(ValidationIssue(path, "must have at most \(maxItems) items"))
        }
        guard let items = schema.items else { return }
        var seen: [JSONValue: Int] = [:]
        for (index, element) in array.enumerated() {
            let elementPath = path.index(index)
            check(element, items, elementPath, &issues)
            let identity: JSONValue
            if schema.isSet {
                identity = element
            } else if !schema.listMapKeys.isEmpty {
                identity = .array(schema.listMapKeys.map { element[$0] ?? .null })
            } else {
                continue
            }
            if let first = seen[identity] {
                let what = schema.listMapKeys.isEmpty
                    ? "duplicate of item \(first)"
                    : "duplicate \(schema.listMapKeys.joined(separator: "/")) \(identityText(identity)), first used at \(path)[\(first)]"
                issues.append(ValidationIssue(elementPath, what))
            } else {
                seen[identity] = index
            }
        }
    }

    private static func identityText(_ identity: JSONValue) -> String {
        let parts = identity.arrayValue ?? [identity]
        return parts.map { $0.stringValue.map { "\"\($0)\"" } ?? $0.jsonText() }.joined(separator: "/")
    }

    private static func checkObject(_ object: JSONObject, _ schema: Schema, _ path: FieldPath, _ issues: inout [ValidationIssue]) {
        if let values = schema.values {
            for (key, value) in object { check(value, values, path.key(key), &issues) }
            return
        }
        for required in schema.required where object[required] == nil {
            issues.append(ValidationIssue(path.key(required), "is required"))
        }
        for (key, value) in object {
            guard let member = schema.property(key) else {
                let known = schema.properties.map(\.name)
                let hint = closest(to: key, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
                issues.append(ValidationIssue(path.key(key), "unknown field\(hint)"))
                continue
            }
            check(value, member, path.key(key), &issues)
        }
    }

    /// A known name within two edits of `key`, for "did you mean" hints.
    private static func closest(to key: String, in names: [String]) -> String? {
        names.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
