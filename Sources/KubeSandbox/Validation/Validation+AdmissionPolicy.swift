import Foundation
import KubeModel

/// ValidatingAdmissionPolicies and their bindings (`pkg/apis/admissionregistration/validation`):
/// failure policy, match constraints, CEL validations, validation actions, parameter references.
extension Validation {
    static func admissionPolicy(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        if let policy = spec?["failurePolicy"], !policy.isNull {
            errors.append(oneOf(policy, ["Fail", "Ignore"], at: path.key("failurePolicy")))
        } else {
            errors.required(path.key("failurePolicy"))
        }
        if let constraints = spec?["matchConstraints"], !constraints.isNull {
            errors.append(matchResources(constraints, at: path.key("matchConstraints")))
            if (constraints["resourceRules"]?.arrayValue ?? []).isEmpty { errors.required(path.key("matchConstraints").key("resourceRules")) }
        } else {
            errors.required(path.key("matchConstraints"))
        }
        var variables = ["object", "oldObject", "request", "namespaceObject", "authorizer", "variables"]
        if let paramKind = spec?["paramKind"], !paramKind.isNull { variables.append("params") }
        errors.append(matchConditions(spec?["matchConditions"], variables: variables, at: path.key("matchConditions")))
        let validations = spec?["validations"]?.arrayValue ?? []
        if validations.isEmpty, (spec?["auditAnnotations"]?.arrayValue ?? []).isEmpty {
            errors.required(path.key("validations"), "validations or auditAnnotations must contain at least one item")
            errors.required(path.key("auditAnnotations"), "validations or auditAnnotations must contain at least one item")
        }
        for (index, validation) in validations.enumerated() {
            let validationPath = path.key("validations").index(index)
            let expression = validation["expression"]?.stringValue ?? ""
            if expression.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.required(validationPath.key("expression"), "expression is not specified")
            } else {
                errors.append(compiles(expression, variables: variables, at: validationPath.key("expression")))
            }
            if let message = validation["message"]?.stringValue, !message.isEmpty {
                let trimmed = message.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    errors.invalid(validationPath.key("message"), .string(message), "message must be non-empty if specified")
                } else if trimmed.contains("\n") {
                    errors.invalid(validationPath.key("message"), .string(message), "message must not contain line breaks")
                }
            }
            if let reason = validation["reason"], !reason.isNull {
                errors.append(oneOf(reason, ["Forbidden", "Invalid", "RequestEntityTooLarge"], at: validationPath.key("reason")))
            }
        }
        return errors
    }

    static func admissionPolicyBinding(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        let policyName = spec?["policyName"]?.stringValue ?? ""
        if policyName.isEmpty {
            errors.required(path.key("policyName"))
        } else {
            errors.invalid(path.key("policyName"), policyName, details: NameRules.dns1123Subdomain(policyName))
        }
        if let resources = spec?["matchResources"], !resources.isNull {
            errors.append(matchResources(resources, at: path.key("matchResources")))
        }
        if let reference = spec?["paramRef"], !reference.isNull {
            errors.append(paramRef(reference, at: path.key("paramRef")))
        }
        let actions = strings(spec?["validationActions"])
        let actionsPath = path.key("validationActions")
        var seen = Set<String>()
        for (index, action) in actions.enumerated() {
            errors.append(oneOf(.string(action), ["Audit", "Deny", "Warn"], at: actionsPath.index(index)))
            if !seen.insert(action).inserted { errors.duplicate(actionsPath.index(index), .string(action)) }
        }
        if seen.contains("Deny"), seen.contains("Warn") {
            errors.invalid(actionsPath, spec?["validationActions"] ?? .null,
                           "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)")
        }
        if seen.isEmpty { errors.required(actionsPath, "at least one validation action is required") }
        return errors
    }

    /// A binding's `paramRef`: a name or a selector, and what to do when nothing is found.
    private static func paramRef(_ reference: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let selector = reference["selector"].flatMap { $0.isNull ? nil : $0 }
        if let name = reference["name"]?.stringValue, !name.isEmpty {
            errors.invalid(path.key("name"), name, details: NameRules.pathSegment(name))
            if selector != nil { errors.forbidden(path.key("name"), "name and selector are mutually exclusive") }
        } else if selector == nil {
            errors.required(path, "one of name or selector must be specified")
        }
        errors.append(labelSelector(selector, at: path.key("selector")))
        if let namespace = reference["namespace"]?.stringValue, !namespace.isEmpty {
            errors.invalid(path.key("namespace"), namespace, details: NameRules.dns1123Label(namespace))
        }
        if let action = reference["parameterNotFoundAction"], !action.isNull {
            errors.append(oneOf(action, ["Allow", "Deny"], at: path.key("parameterNotFoundAction")))
        } else {
            errors.required(path.key("parameterNotFoundAction"))
        }
        return errors
    }

    private static func matchResources(_ resources: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let policy = resources["matchPolicy"], !policy.isNull {
            errors.append(oneOf(policy, ["Equivalent", "Exact"], at: path.key("matchPolicy")))
        } else {
            errors.required(path.key("matchPolicy"))
        }
        for key in ["namespaceSelector", "objectSelector"] {
            if let selector = resources[key], !selector.isNull {
                errors.append(labelSelector(selector, at: path.key(key)))
            } else {
                errors.required(path.key(key))
            }
        }
        for key in ["resourceRules", "excludeResourceRules"] {
            for (index, rule) in (resources[key]?.arrayValue ?? []).enumerated() {
                let rulePath = path.key(key).index(index)
                var names = Set<String>()
                for (nameIndex, name) in strings(rule["resourceNames"]).enumerated() {
                    errors.invalid(rulePath.key("resourceNames").index(nameIndex), name, details: NameRules.pathSegment(name))
                    if !names.insert(name).inserted { errors.duplicate(rulePath.key("resourceNames").index(nameIndex), .string(name)) }
                }
                errors.append(ruleWithOperations(rule, at: rulePath))
            }
        }
        return errors
    }
}
