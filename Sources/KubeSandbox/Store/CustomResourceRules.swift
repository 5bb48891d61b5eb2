import CEL
import Foundation
import KubeModel
import KubeSchema

/// What a custom resource's structural schema says beyond types and bounds, checked as the
/// API server does after schema validation: `pattern`, unique keys of `x-kubernetes-list-type`
/// map and set lists, then every `x-kubernetes-validations` rule at the node that declares it,
/// with `self` bound to that node (and `oldSelf` to its previous value on update).
struct CustomResourceRules {
    /// Reasons of the violations the API server treats as blocking: when any is present, no CEL
    /// rule is evaluated and a single root cause says so.
    static let blockingReasons: Set<String> = ["FieldValueRequired", "FieldValueTypeInvalid", "FieldValueNotSupported",
                                               "FieldValueTooLong", "FieldValueTooMany"]

    let schema: JSONValue

    /// The violations `object` (already pruned and defaulted) adds to `prior`, the schema
    /// validator's; `old` is the stored object on update.
    func violations(of object: JSONValue, old: JSONValue?, prior: [SchemaViolation]) -> [SchemaViolation] {
        var walk = Walk(evaluateRules: false)
        walk.visit(object, old: old, schema: schema, at: .root)
        let structural = walk.violations
        guard Self.declaresRules(schema) else { return structural }
        let blocked = (prior + structural).contains { violation in
            Self.blockingReasons.contains(violation.kind.rawValue)
                || violation.message.hasPrefix("Too long:") || violation.message.hasPrefix("Too many:")
        }
        if blocked {
            let skipped = SchemaViolation(.invalid, at: .root, "Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation")
            return structural + [skipped]
        }
        var rules = Walk(evaluateRules: true)
        rules.visit(object, old: old, schema: schema, at: .root)
        return structural + rules.violations
    }

    /// Whether any node of `schema` has `x-kubernetes-validations` (without, the API server has
    /// no CEL validator and reports no skipped rules).
    static func declaresRules(_ schema: JSONValue) -> Bool {
        switch schema {
        case .object(let object):
            return object["x-kubernetes-validations"]?.arrayValue?.isEmpty == false || object.contains { declaresRules($0.value) }
        case .array(let items): return items.contains(where: declaresRules)
        default: return false
        }
    }

    struct Walk {
        let evaluateRules: Bool
        var violations: [SchemaViolation] = []
        /// Rules compiled so far, by schema location (indices dropped) and rule text: list items
        /// share their schema, so each rule compiles once per request.
        private var programs: [String: Result<CELProgram, CELCompileError>] = [:]

        init(evaluateRules: Bool) { self.evaluateRules = evaluateRules }

        /// Visits `value` and its members. A value equal to its correlated old value is skipped
        /// with everything under it: the API server ratchets errors there (an update does not
        /// fail on what it did not change).
        mutating func visit(_ value: JSONValue, old: JSONValue?, schema rawSchema: JSONValue, at path: FieldPath) {
            guard let schema = rawSchema.objectValue, old != value else { return }
            if evaluateRules {
                checkRules(value, old: old, schema: path.isRoot ? CELSchema.resourceRoot(rawSchema) : rawSchema, at: path)
            }
            switch value {
            case .string(let text):
                if !evaluateRules, let pattern = schema["pattern"]?.stringValue, (try? CELRegex.matches(text, pattern)) == false {
                    violations.append(SchemaViolation(.invalid, at: path, "Invalid value: \(value.jsonText()): \(path.isRoot ? "body" : path.description) in body should match '\(pattern)'"))
                }
            case .object(let object):
                let properties = schema["properties"]?.objectValue
                let additional = schema["additionalProperties"]
                for (key, member) in object {
                    guard let memberSchema = properties?[key] ?? (additional?.objectValue != nil ? additional : nil) else { continue }
                    visit(member, old: old?[key], schema: memberSchema, at: path.key(key))
                }
            case .array(let items):
                let mapKeys = (schema["x-kubernetes-list-map-keys"]?.arrayValue ?? []).compactMap(\.stringValue)
                let listType = schema["x-kubernetes-list-type"]?.stringValue
                if !evaluateRules { checkUnique(items, listType: listType, mapKeys: mapKeys, at: path) }
                guard let itemSchema = schema["items"] else { return }
                let oldItems = old?.arrayValue ?? []
                for (index, item) in items.enumerated() {
                    var previous: JSONValue?
                    if listType == "map", !mapKeys.isEmpty {
                        previous = oldItems.first { candidate in mapKeys.allSatisfy { candidate[$0] == item[$0] } }
                    }
                    visit(item, old: previous, schema: itemSchema, at: path.index(index))
                }
            default: break
            }
        }

        private mutating func checkUnique(_ items: [JSONValue], listType: String?, mapKeys: [String], at path: FieldPath) {
            guard listType == "map" || listType == "set" else { return }
            var seen = Set<JSONValue>()
            for (index, item) in items.enumerated() {
                let identity: JSONValue
                if listType == "map" {
                    var key = JSONObject()
                    for name in mapKeys { if let member = item[name] { key[name] = member } }
                    identity = .object(key)
                } else {
                    identity = item
                }
                if !seen.insert(identity).inserted {
                    violations.append(SchemaViolation(.duplicate, at: path.index(index), "Duplicate value: \(identity.jsonText())"))
                }
            }
        }

        private mutating func checkRules(_ value: JSONValue, old: JSONValue?, schema: JSONValue, at path: FieldPath) {
            for rule in schema["x-kubernetes-validations"]?.arrayValue ?? [] {
                guard let source = rule["rule"]?.stringValue else { continue }
                let location = path.components.map { if case .key(let key) = $0 { key } else { "[]" } }.joined(separator: ".")
                let compiled = programs["\(location)\u{0}\(source)"] ?? Result { () throws(CELCompileError) in
                    try CELProgram.compile(source, selfSchema: schema, optionalOldSelf: rule["optionalOldSelf"]?.boolValue == true)
                }
                programs["\(location)\u{0}\(source)"] = compiled
                let program: CELProgram
                switch compiled {
                case .success(let compiledProgram): program = compiledProgram
                case .failure(let error):
                    violations.append(SchemaViolation(.invalid, at: path, "Invalid value: \"\(source)\": compilation failed: \(error)"))
                    continue
                }
                if program.usesOldSelf, !program.optionalOldSelf, old == nil { continue }
                let target = rule["fieldPath"]?.stringValue.map { path.appending(Self.relativePath($0)) } ?? path
                do {
                    let result = try program.evaluate(self: value, oldSelf: old, schema: schema)
                    guard result != .bool(true) else { continue }
                    guard case .bool = result else {
                        violations.append(SchemaViolation(.invalid, at: target, "Invalid value: \"\(Self.typeName(value))\": rule did not evaluate to a bool"))
                        continue
                    }
                    violations.append(failure(rule, source, value: value, old: old, schema: schema, at: target))
                } catch {
                    violations.append(SchemaViolation(.invalid, at: target, "Invalid value: \"\(Self.typeName(value))\": \(error.message) evaluating rule: \(source)"))
                }
            }
        }

        /// The cause a failed rule reports: its reason, and its message expression's result,
        /// its message or `failed rule: <rule>`.
        private func failure(_ rule: JSONValue, _ source: String, value: JSONValue, old: JSONValue?, schema: JSONValue,
                             at path: FieldPath) -> SchemaViolation {
            var detail = rule["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "failed rule: \(source)"
            if let expression = rule["messageExpression"]?.stringValue,
               let program = try? CELProgram.compile(expression, selfSchema: schema, kind: .messageExpression),
               case .string(let text)? = try? program.evaluate(self: value, oldSelf: old, schema: schema),
               !text.isEmpty, !text.contains("\n") {
                detail = text
            }
            switch rule["reason"]?.stringValue {
            case "FieldValueForbidden": return SchemaViolation(.forbidden, at: path, "Forbidden: \(detail)")
            case "FieldValueRequired": return SchemaViolation(.required, at: path, "Required value: \(detail)")
            case "FieldValueDuplicate": return SchemaViolation(.duplicate, at: path, "Duplicate value: \(value.jsonText())")
            default:
                switch value {
                case .object, .array, .null: return SchemaViolation(.invalid, at: path, "Invalid value: \(detail)")
                default: return SchemaViolation(.invalid, at: path, "Invalid value: \(value.jsonText()): \(detail)")
                }
            }
        }

        static func typeName(_ value: JSONValue) -> String {
            switch value {
            case .object: return "object"
            case .array: return "array"
            case .string: return "string"
            case .integer: return "integer"
            case .number: return "number"
            case .bool: return "boolean"
            case .null: return "null"
            }
        }

        /// A rule's `fieldPath` (`.spec.ports[0]`, `.metadata['name']`) as a path.
        static func relativePath(_ text: String) -> FieldPath {
            FieldPath(parsing: text.replacingOccurrences(of: "['", with: ".").replacingOccurrences(of: "']", with: ""))
        }
    }
}
