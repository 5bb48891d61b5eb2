import CEL
import Foundation
import KubeModel

/// admissionregistration.k8s.io (`pkg/apis/admissionregistration/validation`): webhook
/// configurations, ValidatingAdmissionPolicies and their bindings, as created through v1.
extension Validation {
    static func webhookConfiguration(_ object: JSONValue, mutating: Bool) -> FieldErrors {
        var errors = FieldErrors()
        var names = Set<String>()
        for (index, webhook) in (object["webhooks"]?.arrayValue ?? []).enumerated() {
            let path = FieldPath().key("webhooks").index(index)
            errors.append(self.webhook(webhook, mutating: mutating, at: path))
            errors.append(admissionReviewVersions(webhook["admissionReviewVersions"], at: path.key("admissionReviewVersions")))
            if let name = webhook["name"]?.stringValue, !name.isEmpty, !names.insert(name).inserted {
                errors.duplicate(path.key("name"), .string(name))
            }
        }
        return errors
    }

    private static func webhook(_ webhook: JSONValue, mutating: Bool, at path: FieldPath) -> FieldErrors {
        var errors = fullyQualifiedName(webhook["name"]?.stringValue ?? "", at: path.key("name"))
        for (index, rule) in (webhook["rules"]?.arrayValue ?? []).enumerated() {
            errors.append(ruleWithOperations(rule, at: path.key("rules").index(index)))
        }
        errors.append(oneOf(webhook["failurePolicy"], ["Fail", "Ignore"], at: path.key("failurePolicy")))
        errors.append(oneOf(webhook["matchPolicy"], ["Equivalent", "Exact"], at: path.key("matchPolicy")))
        if let sideEffects = webhook["sideEffects"], !sideEffects.isNull {
            errors.append(oneOf(sideEffects, ["None", "NoneOnDryRun"], at: path.key("sideEffects")))
        } else {
            errors.required(path.key("sideEffects"), "must specify one of None, NoneOnDryRun")
        }
        if let timeout = webhook["timeoutSeconds"]?.intValue, !(1...30).contains(timeout) {
            errors.invalid(path.key("timeoutSeconds"), .integer(timeout), "the timeout value must be between 1 and 30 seconds")
        }
        errors.append(labelSelector(webhook["namespaceSelector"], at: path.key("namespaceSelector")))
        errors.append(labelSelector(webhook["objectSelector"], at: path.key("objectSelector")))
        if mutating {
            errors.append(oneOf(webhook["reinvocationPolicy"], ["IfNeeded", "Never"], at: path.key("reinvocationPolicy")))
        }
        let client = webhook["clientConfig"]
        let clientPath = path.key("clientConfig")
        switch (client?["url"]?.stringValue, client?["service"]) {
        case (let url?, nil), (let url?, .null?): errors.append(webhookURL(url, at: clientPath.key("url")))
        case (nil, let service?) where !service.isNull: errors.append(webhookService(service, at: clientPath.key("service")))
        default: errors.required(clientPath, "exactly one of url or service is required")
        }
        errors.append(matchConditions(webhook["matchConditions"], variables: ["object", "oldObject", "request", "authorizer"],
                                      at: path.key("matchConditions")))
        return errors
    }

    /// A webhook is named like a domain with at least three segments.
    private static func fullyQualifiedName(_ name: String, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard !name.isEmpty else {
            errors.required(path)
            return errors
        }
        let details = NameRules.dns1123Subdomain(name)
        if !details.isEmpty {
            errors.invalid(path, .string(name), details.joined(separator: ","))
        } else if name.split(separator: ".", omittingEmptySubsequences: false).count < 3 {
            errors.invalid(path, .string(name), "should be a domain with at least three segments separated by dots")
        }
        return errors
    }

    private static func admissionReviewVersions(_ versions: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let list = versions?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !list.isEmpty else {
            errors.required(path, "must specify one of v1, v1beta1")
            return errors
        }
        var seen = Set<String>()
        for (index, version) in list.enumerated() {
            guard seen.insert(version).inserted else {
                errors.invalid(path.index(index), .string(version), "duplicate version")
                continue
            }
            errors.invalid(path.index(index), version, details: NameRules.dns1035Label(version))
        }
        if !list.contains(where: { ["v1", "v1beta1"].contains($0) }) {
            errors.invalid(path, .array(list.map(JSONValue.string)), "must include at least one of v1, v1beta1")
        }
        return errors
    }

    /// `https://host[/path]` without user information, query or fragment.
    private static func webhookURL(_ text: String, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard let url = URLComponents(string: text) else {
            errors.invalid(path, .string(text), "url must be a valid URL")
            return errors
        }
        if url.scheme != "https" {
            errors.invalid(path, .string(url.scheme ?? ""), "'https' is the only allowed URL scheme; desired format: https://host[/path]")
        }
        if (url.host ?? "").isEmpty { errors.invalid(path, .string(url.host ?? ""), "host must be specified") }
        if url.user != nil { errors.invalid(path, .string(url.user ?? ""), "user information is not permitted in the URL") }
        if let fragment = url.fragment, !fragment.isEmpty { errors.invalid(path, .string(fragment), "fragments are not permitted in the URL") }
        if let query = url.query, !query.isEmpty { errors.invalid(path, .string(query), "query parameters are not permitted in the URL") }
        return errors
    }

    private static func webhookService(_ service: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if (service["name"]?.stringValue ?? "").isEmpty { errors.required(path.key("name"), "service name is required") }
        if (service["namespace"]?.stringValue ?? "").isEmpty { errors.required(path.key("namespace"), "service namespace is required") }
        if let port = service["port"]?.intValue, !(1...65535).contains(port) {
            errors.invalid(path.key("port"), .integer(port), "port is not valid: must be between 1 and 65535, inclusive")
        }
        if let servicePath = service["path"]?.stringValue, servicePath != "/" {
            if !servicePath.hasPrefix("/") {
                errors.invalid(path.key("path"), .string(servicePath), "must start with a '/'")
            } else {
                let segments = servicePath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
                for (index, segment) in segments.enumerated() where segment.isEmpty {
                    errors.invalid(path.key("path"), .string(servicePath), "segment[\(index)] may not be empty")
                }
            }
        }
        return errors
    }

    private static func ruleWithOperations(_ rule: JSONValue, at path: FieldPath) -> FieldErrors {
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
    private static func oneOf(_ value: JSONValue?, _ supported: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let value, !value.isNull, !supported.contains(value.stringValue ?? "\u{0}") {
            errors.notSupported(path, value, supported)
        }
        return errors
    }

    private static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    // MARK: ValidatingAdmissionPolicy

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

    /// `matchConditions`: named, unique, and compiling.
    private static func matchConditions(_ conditions: JSONValue?, variables: [String], at path: FieldPath) -> FieldErrors {
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

    private static func compiles(_ expression: String, variables: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        do {
            _ = try CELProgram.compile(expression, variables: Dictionary(uniqueKeysWithValues: variables.map { ($0, nil) }))
        } catch {
            errors.invalid(path, .string(expression), "compilation failed: \(error)")
        }
        return errors
    }
}
