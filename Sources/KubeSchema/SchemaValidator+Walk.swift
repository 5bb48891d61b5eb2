import Foundation
import KubeModel

extension SchemaValidator {
    /// One validation pass: collects violations and unknown fields while building the pruned value.
    struct Walk {
        let validator: SchemaValidator
        var violations: [SchemaViolation] = []
        var unknownFields: [FieldPath] = []

        /// The pruned value, or nil when the value is a null that should be dropped.
        mutating func visit(_ value: JSONValue, schema rawSchema: JSONValue, at path: FieldPath) -> JSONValue? {
            let schema = validator.resolved(rawSchema)
            if value.isNull {
                return schema["nullable"]?.boolValue == true ? .null : nil
            }
            if schema["x-kubernetes-int-or-string"]?.boolValue == true || schema["format"]?.stringValue == "int-or-string" {
                switch value {
                case .integer, .string: return value
                case .number where value.intValue != nil: return value
                default:
                    fail(.type, path, "Invalid value: \(value.jsonText()): must be an integer or a string", expectedType: "integer or string")
                    return value
                }
            }
            if let alternatives = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue, schema["type"] == nil {
                let types = alternatives.compactMap { validator.resolved($0)["type"]?.stringValue }
                if !types.isEmpty, !types.contains(where: { Self.matches(value, type: $0) }) {
                    fail(.type, path, "Invalid value: \(value.jsonText()): must be of type \(types.joined(separator: " or "))",
                         expectedType: types.joined(separator: " or "))
                }
                return value
            }
            let type = schema["type"]?.stringValue ?? (schema["properties"] != nil ? "object" : nil)
            guard let type else { return value }
            guard Self.matches(value, type: type) else {
                fail(.type, path, "Invalid value: \"\(value.typeName)\": \(Self.describe(path)) in body must be of type \(type): \"\(value.typeName)\"",
                     expectedType: type)
                return value
            }
            checkEnum(value, schema, path)
            switch type {
            case "object": return visitObject(value.objectValue ?? JSONObject(), schema, path)
            case "array": return visitArray(value.arrayValue ?? [], schema, path)
            case "integer": checkInteger(value, schema, path)
            case "number": checkBounds(value.doubleValue ?? 0, schema, path)
            case "string": checkString(value.stringValue ?? "", schema, path)
            default: break
            }
            return value
        }

        private mutating func visitObject(_ object: JSONObject, _ schema: JSONObject, _ path: FieldPath) -> JSONValue {
            let properties = schema["properties"]?.objectValue
            let additional = schema["additionalProperties"]
            let preserve = schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
            let freeForm = properties == nil && additional == nil
                && (preserve || validator.options.untypedObjectsAreFreeForm)
            var result = JSONObject()
            for (key, member) in object {
                let memberPath = path.key(key)
                if let propertySchema = properties?[key] {
                    if let kept = visit(member, schema: propertySchema, at: memberPath) { result[key] = kept }
                } else if let additional, additional.objectValue != nil {
                    if let kept = visit(member, schema: additional, at: memberPath) { result[key] = kept }
                } else if additional?.boolValue == true || preserve || freeForm {
                    result[key] = member
                } else {
                    unknownFields.append(memberPath)
                }
            }
            if validator.options.applyDefaults, let properties {
                for (key, propertySchema) in properties where result[key] == nil {
                    if let value = validator.resolved(propertySchema)["default"] { result[key] = value }
                }
            }
            for required in schema["required"]?.arrayValue ?? [] {
                guard let name = required.stringValue else { continue }
                if result[name] == nil { fail(.required, path.key(name), "Required value") }
            }
            return .object(result)
        }

        private mutating func visitArray(_ items: [JSONValue], _ schema: JSONObject, _ path: FieldPath) -> JSONValue {
            if let min = schema["minItems"]?.intValue, items.count < min {
                fail(.invalid, path, "Invalid value: \(items.count): must have at least \(min) items")
            }
            if let max = schema["maxItems"]?.intValue, items.count > max {
                fail(.invalid, path, "Too many: \(items.count): must have at most \(max) items")
            }
            guard let itemSchema = schema["items"] else { return .array(items) }
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() {
                result.append(visit(item, schema: itemSchema, at: path.index(index)) ?? .null)
            }
            return .array(result)
        }

        private mutating func checkEnum(_ value: JSONValue, _ schema: JSONObject, _ path: FieldPath) {
            guard let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) else { return }
            let list = allowed.map { $0.jsonText() }.joined(separator: ", ")
            fail(.notSupported, path, "Unsupported value: \(value.jsonText()): supported values: \(list)")
        }

        private mutating func checkInteger(_ value: JSONValue, _ schema: JSONObject, _ path: FieldPath) {
            guard let number = value.intValue else { return }
            if schema["format"]?.stringValue == "int32", number < Int(Int32.min) || number > Int(Int32.max) {
                fail(.invalid, path, "Invalid value: \(number): must fit in a 32-bit integer")
            }
            checkBounds(Double(number), schema, path)
        }

        private mutating func checkBounds(_ number: Double, _ schema: JSONObject, _ path: FieldPath) {
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            if let minimum = schema["minimum"]?.doubleValue {
                let exclusive = schema["exclusiveMinimum"]?.boolValue == true
                if exclusive ? number <= minimum : number < minimum {
                    fail(.invalid, path, "Invalid value: \(text): \(Self.describe(path)) in body should be greater than \(exclusive ? "" : "or equal to ")\(Self.format(minimum))")
                }
            }
            if let maximum = schema["maximum"]?.doubleValue {
                let exclusive = schema["exclusiveMaximum"]?.boolValue == true
                if exclusive ? number >= maximum : number > maximum {
                    fail(.invalid, path, "Invalid value: \(text): \(Self.describe(path)) in body should be less than \(exclusive ? "" : "or equal to ")\(Self.format(maximum))")
                }
            }
        }

        private mutating func checkString(_ string: String, _ schema: JSONObject, _ path: FieldPath) {
            if let min = schema["minLength"]?.intValue, string.count < min {
                fail(.invalid, path, "Invalid value: \"\(string)\": \(Self.describe(path)) in body should be at least \(min) chars long")
            }
            if let max = schema["maxLength"]?.intValue, string.count > max {
                fail(.tooLong, path, "Too long: may not be more than \(max) bytes")
            }
            if schema["format"]?.stringValue == "byte", Data(base64Encoded: string) == nil {
                fail(.invalid, path, "Invalid value: \"\(string)\": illegal base64 data")
            }
        }

        private mutating func fail(_ kind: SchemaViolation.Kind, _ path: FieldPath, _ message: String, expectedType: String? = nil) {
            violations.append(SchemaViolation(kind, at: path, message, expectedType: expectedType))
        }

        static func matches(_ value: JSONValue, type: String) -> Bool {
            switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool): return true
            case ("integer", .integer): return true
            case ("integer", .number): return value.intValue != nil
            case ("number", .integer), ("number", .number): return true
            default: return false
            }
        }

        static func describe(_ path: FieldPath) -> String { path.isRoot ? "body" : path.description }

        static func format(_ number: Double) -> String {
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        }
    }
}
