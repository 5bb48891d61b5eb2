import KubeModel

/// ValidatingAdmissionPolicies, applied as the API server's policy plugin does: after the
/// mutating webhooks and before the validating ones, each binding of a policy that covers the
/// request evaluates the policy's validations on the final object; a failed one denies the
/// request (Deny), adds a warning (Warn) or is only audited (Audit). Requests on
/// admissionregistration.k8s.io objects are exempt, as they are from webhooks.
extension SandboxResponder {
    /// The bound policies whose match constraints and namespace selectors cover the request.
    func matchingPolicies(_ attributes: AdmissionAttributes) async -> [AdmissionPolicy] {
        guard attributes.type.group != "admissionregistration.k8s.io" else { return [] }
        let all = await store.admissionPolicies()
        guard !all.isEmpty else { return [] }
        let labels = await requestNamespaceLabels(attributes)
        return all.filter { $0.covers(attributes, namespaceLabels: labels) }
    }

    /// Evaluates `policies` on the request: throws the first denial, returns the warnings.
    func enforce(_ policies: [AdmissionPolicy], _ attributes: AdmissionAttributes, object: JSONValue?,
                 oldObject: JSONValue?) async throws(SandboxError) -> [String] {
        let selected = policies.filter { $0.selects(object: object, oldObject: oldObject) }
        guard !selected.isEmpty else { return [] }
        let namespace = attributes.type.namespaced ? await store.namespaceObject(attributes.namespace) : nil
        var variables = AdmissionCEL.variables(attributes, object: object, oldObject: oldObject)
        variables["namespaceObject"] = .some(namespace)
        variables["params"] = .some(nil)
        var warnings: [String] = []
        for policy in selected {
            guard let failure = await failure(of: policy, variables, namespace: attributes.namespace) else { continue }
            if policy.actions.contains("Deny") { throw .api(Self.policyDenial(policy, failure, attributes)) }
            if policy.actions.contains("Warn") {
                warnings.append("Validation failed for ValidatingAdmissionPolicy '\(policy.policy)' with binding '\(policy.binding)': \(failure.message)")
            }
        }
        return warnings
    }

    /// The policy's first failure, evaluated once per parameter object its binding selects
    /// (`params` null for a policy without paramKind). No parameter object fails the request when
    /// the binding's parameterNotFoundAction is Deny, and skips the policy when it is Allow.
    private func failure(of policy: AdmissionPolicy, _ variables: [String: JSONValue?], namespace: String) async -> AdmissionPolicy.Failure? {
        guard let kind = policy.paramKind else { return policy.failure(variables) }
        guard let reference = policy.paramRef else {
            return policy.failOnError ? .init(message: "policy binding does not specify a paramRef for a policy with a paramKind", reason: "Invalid") : nil
        }
        guard let params = await store.admissionParams(kind, reference: reference, requestNamespace: namespace) else {
            return policy.failOnError ? .init(message: "failed to find resource referenced by paramKind: '\(kind.apiVersion), Kind=\(kind.kind)'", reason: "Invalid") : nil
        }
        guard !params.isEmpty else {
            let action = reference["parameterNotFoundAction"]?.stringValue ?? "Deny"
            return action == "Deny" ? .init(message: "no params found for policy binding with `Deny` parameterNotFoundAction", reason: "Invalid") : nil
        }
        for param in params {
            var scope = variables
            scope["params"] = param
            if let failure = policy.failure(scope) { return failure }
        }
        return nil
    }

    /// `configmaps "x" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied
    /// request: ...`, with the validation's reason (422 Invalid unless it says otherwise).
    static func policyDenial(_ policy: AdmissionPolicy, _ failure: AdmissionPolicy.Failure, _ attributes: AdmissionAttributes) -> APIStatus {
        let detail = "ValidatingAdmissionPolicy '\(policy.policy)' with binding '\(policy.binding)' denied request: \(failure.message)"
        let code = ["Forbidden": 403, "RequestEntityTooLarge": 413][failure.reason] ?? 422
        return APIStatus(code: code, reason: failure.reason,
                         message: "\(attributes.type.qualifiedResource) \"\(attributes.name)\" is forbidden: \(detail)",
                         name: attributes.name, group: attributes.type.group, kind: attributes.type.plural,
                         causes: [.init(reason: "", message: detail, field: nil)])
    }

    /// The labels namespace selectors see: the request's namespace's, a namespace's own, none
    /// for other cluster-scoped objects.
    func requestNamespaceLabels(_ attributes: AdmissionAttributes) async -> JSONObject? {
        if attributes.type.namespaced { return await store.namespaceLabels(attributes.namespace) }
        return attributes.type.storageKey == "namespaces" ? await store.namespaceLabels(attributes.name) : nil
    }
}
