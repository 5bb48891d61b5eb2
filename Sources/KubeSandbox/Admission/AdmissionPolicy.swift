import KubeModel

/// A ValidatingAdmissionPolicy bound by one of its ValidatingAdmissionPolicyBindings, as the
/// API server's policy plugin applies it: which requests it sees (the policy's match
/// constraints, narrowed by the binding's match resources, then its matchConditions), the CEL
/// validations each request must pass, and what a failed one does (Deny, Warn, Audit).
struct AdmissionPolicy: Sendable {
    /// `matchConstraints` / `matchResources`.
    struct Match: Sendable {
        var namespaceSelector: LabelSelector
        var objectSelector: LabelSelector
        var resourceRules: [(rule: AdmissionWebhook.Rule, names: [String])]
        var excludeResourceRules: [(rule: AdmissionWebhook.Rule, names: [String])]

        init(object: JSONValue) {
            func rules(_ key: String) -> [(rule: AdmissionWebhook.Rule, names: [String])] {
                (object[key]?.arrayValue ?? []).map { (AdmissionWebhook.Rule(object: $0), AdmissionWebhook.strings($0["resourceNames"])) }
            }
            namespaceSelector = LabelSelector(object: object["namespaceSelector"])
            objectSelector = LabelSelector(object: object["objectSelector"])
            resourceRules = rules("resourceRules")
            excludeResourceRules = rules("excludeResourceRules")
        }

        /// Whether the request's resource and name are covered (and not excluded); with no
        /// resource rules (a binding's), every request the policy covers is.
        func covers(_ attributes: AdmissionAttributes) -> Bool {
            func covered(_ entry: (rule: AdmissionWebhook.Rule, names: [String])) -> Bool {
                entry.rule.covers(attributes) && (entry.names.isEmpty || entry.names.contains(attributes.name))
            }
            return (resourceRules.isEmpty || resourceRules.contains(where: covered)) && !excludeResourceRules.contains(where: covered)
        }
    }

    struct Validation: Sendable {
        var expression: String
        var message: String?
        var messageExpression: String?
        /// The Status reason of a denial: Invalid (422) unless Forbidden or RequestEntityTooLarge.
        var reason: String
    }

    var policy: String
    var binding: String
    var failOnError: Bool
    /// `spec.paramKind` (`apiVersion` and `kind`) of a policy that reads `params`.
    var paramKind: (apiVersion: String, kind: String)?
    /// The binding's `paramRef`: `name` or `selector`, `namespace`, `parameterNotFoundAction`.
    var paramRef: JSONValue?
    var constraints: Match
    var bindingMatch: Match?
    var matchConditions: [(name: String, expression: String)]
    /// `spec.variables`: named expressions the others read as `variables.<name>`, in order.
    var variables: [(name: String, expression: String)]
    var validations: [Validation]
    /// `validationActions` of the binding: Deny, Warn, Audit.
    var actions: Set<String>

    /// Each binding of a stored policy with the policy it names (bindings naming no stored
    /// policy are ignored, as the API server ignores them).
    static func all(policies: [JSONValue], bindings: [JSONValue]) -> [AdmissionPolicy] {
        let byName = Dictionary(policies.compactMap { policy in policy["metadata"]?["name"]?.stringValue.map { ($0, policy) } },
                                uniquingKeysWith: { first, _ in first })
        return bindings.compactMap { binding in
            guard let policyName = binding["spec"]?["policyName"]?.stringValue, let policy = byName[policyName],
                  let constraints = policy["spec"]?["matchConstraints"] else { return nil }
            let spec = policy["spec"]
            return AdmissionPolicy(
                policy: policyName, binding: binding["metadata"]?["name"]?.stringValue ?? "",
                failOnError: spec?["failurePolicy"]?.stringValue != "Ignore",
                paramKind: spec?["paramKind"].flatMap { kind in
                    kind["kind"]?.stringValue.map { (kind["apiVersion"]?.stringValue ?? "", $0) }
                },
                paramRef: binding["spec"]?["paramRef"].flatMap { $0.isNull ? nil : $0 },
                constraints: Match(object: constraints),
                bindingMatch: binding["spec"]?["matchResources"].flatMap { $0.isNull ? nil : Match(object: $0) },
                matchConditions: (spec?["matchConditions"]?.arrayValue ?? []).map {
                    ($0["name"]?.stringValue ?? "", $0["expression"]?.stringValue ?? "")
                },
                variables: (spec?["variables"]?.arrayValue ?? []).map {
                    ($0["name"]?.stringValue ?? "", $0["expression"]?.stringValue ?? "")
                },
                validations: (spec?["validations"]?.arrayValue ?? []).map {
                    Validation(expression: $0["expression"]?.stringValue ?? "", message: $0["message"]?.stringValue,
                               messageExpression: $0["messageExpression"]?.stringValue,
                               reason: $0["reason"]?.stringValue ?? "Invalid")
                },
                actions: Set(AdmissionWebhook.strings(binding["spec"]?["validationActions"])))
        }
    }

    /// Whether the policy and its binding cover the request's resource and namespace (nil
    /// labels: a cluster-scoped object other than a namespace, selected by any namespace selector).
    func covers(_ attributes: AdmissionAttributes, namespaceLabels: JSONObject?) -> Bool {
        ([constraints] + (bindingMatch.map { [$0] } ?? [])).allSatisfy { match in
            match.covers(attributes) && (namespaceLabels.map(match.namespaceSelector.matches) ?? true)
        }
    }

    /// Whether the object selectors select the new or the old object.
    func selects(object: JSONValue?, oldObject: JSONValue?) -> Bool {
        ([constraints] + (bindingMatch.map { [$0] } ?? [])).allSatisfy { match in
            [object, oldObject].compactMap { $0 }.contains { match.objectSelector.matches($0["metadata"]?["labels"]?.objectValue ?? [:]) }
        }
    }
}
