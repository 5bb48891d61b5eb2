import CEL
import Foundation
import KubeModel

/// What webhook configurations and admission policies share (`pkg/apis/admissionregistration/validation`):
/// rules with operations, supported values, and CEL match conditions that must compile.
extension Validation {
    static func ruleWithOperations(_ rule: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let operations = strings(rule["operations"])
        if operations.isEmpty { errors.required(path.key("operations")) }
        if operations.count > 1, operations.contains("*") {
            errors.invalid(path.key("operations"), rule["operations"] ?? .null, "if '*' is present, must not specify other operations")
        }
        let supported = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"]
        for (index, operation) in operations.enumerated() where !supported.contains(operation) {
            errors.notSupported(path.key("operations").index(index), .string(operation), supported)
        }
        for (key, noun) in [("apiGroups", "API groups"), ("apiVersions", "API versions")] {
            let values = strings(rule[key])
            if values.isEmpty { errors.required(path.key(key)) }
            if values.count > 1, values.contains("*") {
                errors.invalid(path.key(key), rule[key] ?? .null, "if '*' is present, must not specify other \(noun)")
            }
        }
        for (index, version) in strings(rule["apiVersions"]).enumerated() where version.isEmpty {
            errors.required(path.key("apiVersions").index(index))
        }
        let resources = strings(rule["resources"])
        if resources.isEmpty { errors.required(path.key("resources")) }
        for (index, resource) in resources.enumerated() where resource.isEmpty { errors.required(path.key("resources").index(index)) }
        if resources.count > 1, resources.contains("*/*") {
            errors.invalid(path.key("resources"), rule["resources"] ?? .null, "if '*/*' is present, must not specify other resources")
        }
        if resources.contains("*"), resources.contains(where: { $0 != "*" && !$0.contains("/") }) {
            errors.invalid(path.key("resources"), rule["resources"] ?? .null, "if '*' is present, must not specify other resources without subresources")
        }
        if let scope = rule["scope"], !scope.isNull {
            errors.append(oneOf(scope, ["*", "Cluster", "Namespaced"], at: path.key("scope")))
        }
        return errors
    }

    /// An unsupported value when `value` is set and not one of `supported`.
    static func oneOf(_ value: JSONValue?, _ supported: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let value, !value.isNull, !supported.contains(value.stringValue ?? "\u{0}") {
            errors.notSupported(path, value, supported)
        }
        return errors
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `matchConditions`: named, unique, and compiling.
    static func matchConditions(_ conditions: JSONValue?, variables: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        var names = Set<String>()
        for (index, condition) in (conditions?.arrayValue ?? []).enumerated() {
            let expression = (condition["expression"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if expression.isEmpty {
                errors.required(path.index(index).key("expression"))
            } else {
                errors.append(compiles(expression, variables: variables, at: path.index(index).key("expression")))
            }
            let name = condition["name"]?.stringValue ?? ""
            if name.isEmpty {
                errors.required(path.index(index).key("name"))
            } else {
                errors.invalid(path.index(index).key("name"), name, details: NameRules.qualifiedName(name))
                if !names.insert(name).inserted { errors.duplicate(path.index(index).key("name"), .string(name)) }
            }
        }
        return errors
    }

    static func compiles(_ expression: String, variables: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        do {
            _ = try CELProgram.compile(expression, variables: Dictionary(uniqueKeysWithValues: variables.map { ($0, nil) }))
        } catch {
            errors.invalid(path, .string(expression), "compilation failed: \(error)")
        }
        return errors
    }
}
