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
        let variables: [String: JSONValue?] = [
            "object": object, "oldObject": oldObject, "params": nil, "namespaceObject": namespace,
            "request": WebhookCaller.review(uid: "", attributes, object: object, oldObject: oldObject)["request"],
        ]
        var warnings: [String] = []
        for policy in selected {
            guard let failure = policy.failure(variables) else { continue }
            if policy.actions.contains("Deny") { throw .api(Self.policyDenial(policy, failure, attributes)) }
            if policy.actions.contains("Warn") {
                warnings.append("Validation failed for ValidatingAdmissionPolicy '\(policy.policy)' with binding '\(policy.binding)': \(failure.message)")
            }
        }
        return warnings
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
