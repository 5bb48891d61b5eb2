import KubeModel

/// admissionregistration.k8s.io/v1 (`pkg/apis/admissionregistration/v1/defaults.go`): webhooks
/// and admission policies match `Equivalent` requests, select everything and fail closed unless
/// told otherwise.
extension Defaulting {
    /// Each webhook of a Validating- or MutatingWebhookConfiguration.
    static func webhookConfiguration(_ object: JSONValue, mutating: Bool) -> JSONValue {
        var object = object
        eachItem(&object, "webhooks") { webhook in
            var webhook = webhook
            setDefault(&webhook, "failurePolicy", "Fail")
            setDefault(&webhook, "matchPolicy", "Equivalent")
            setDefault(&webhook, "namespaceSelector", .object([:]))
            setDefault(&webhook, "objectSelector", .object([:]))
            setDefault(&webhook, "timeoutSeconds", 10)
            if mutating { setDefault(&webhook, "reinvocationPolicy", "Never") }
            eachItem(&webhook, "rules", rule)
            if var service = webhook["clientConfig"]?["service"], case .object = service {
                setDefault(&service, "port", 443)
                webhook["clientConfig"]?["service"] = service
            }
            return webhook
        }
        return object
    }

    /// A ValidatingAdmissionPolicy's spec: failurePolicy and its match constraints.
    static func admissionPolicySpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "failurePolicy", "Fail")
        if let constraints = spec["matchConstraints"], case .object = constraints {
            spec["matchConstraints"] = matchResources(constraints)
        }
        return spec
    }

    /// A ValidatingAdmissionPolicyBinding's spec: its match resources, when it has them.
    static func admissionPolicyBindingSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        if let resources = spec["matchResources"], case .object = resources {
            spec["matchResources"] = matchResources(resources)
        }
        return spec
    }

    private static func matchResources(_ resources: JSONValue) -> JSONValue {
        var resources = resources
        setDefault(&resources, "namespaceSelector", .object([:]))
        setDefault(&resources, "objectSelector", .object([:]))
        setDefault(&resources, "matchPolicy", "Equivalent")
        eachItem(&resources, "resourceRules", rule)
        eachItem(&resources, "excludeResourceRules", rule)
        return resources
    }

    /// A rule's scope is `*` unless given.
    private static func rule(_ rule: JSONValue) -> JSONValue {
        var rule = rule
        setDefault(&rule, "scope", "*")
        return rule
    }
}
