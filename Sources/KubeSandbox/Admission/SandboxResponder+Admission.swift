import KubeModel

/// Admission webhooks, dispatched as the API server does: after the request is decoded and the
/// object computed (patches applied, defaults set), mutating webhooks are called one after the
/// other in configuration-name order and their JSON patches applied; then ValidatingAdmissionPolicies
/// are evaluated and validating webhooks called in parallel on the final object; then the object
/// is stored. A webhook that denies fails the request with its status; one that cannot be called
/// fails it with 500 when its failurePolicy is Fail and is skipped when it is Ignore. Dry-run
/// requests call only webhooks without side effects. Requests on webhook configurations
/// themselves are never sent to webhooks (the API server's own guard against locking itself out).
extension SandboxResponder {
    /// Runs `perform` (a store write) through admission: first as a dry run to learn the object
    /// the webhooks see, then for real with their mutations, unless a webhook denies. A
    /// concurrent change between the two is a conflict that admits the request again.
    func admitted(_ attributes: AdmissionAttributes, write: WriteOptions,
                  perform: (WriteOptions) async throws -> WriteResult) async throws -> WriteResult {
        let webhooks = try await matchingWebhooks(attributes, objectNamespaceLabels: nil)
        let policies = await matchingPolicies(attributes)
        guard !webhooks.isEmpty || !policies.isEmpty else { return try await perform(write) }
        var attempt = 0
        while true {
            attempt += 1
            let old = attributes.operation == .create ? nil : try? await store.get(attributes.type, namespace: attributes.namespace, name: attributes.name)
            var dry = write
            dry.dryRun = true
            dry.admittedResourceVersion = old?["metadata"]?["resourceVersion"]?.stringValue
            var result = try await perform(dry)
            var seen = attributes
            seen.name = result.object["metadata"]?["name"]?.stringValue ?? attributes.name
            var mutation: [JSONValue] = []
            var warnings: [String] = []
            for webhook in webhooks where webhook.mutating && Self.objectSelected(webhook, result.object, old) {
                guard try Self.conditionsHold(webhook, seen, object: result.object, oldObject: old) else { continue }
                guard let verdict = try await call(webhook, seen, object: result.object, oldObject: old) else { continue }
                warnings += verdict.warnings
                if let patch = verdict.patch?.arrayValue, !patch.isEmpty {
                    mutation += patch
                    dry.admissionMutation = .array(mutation)
                    result = try await perform(dry)
                }
            }
            warnings += try await enforce(policies, seen, object: result.object, oldObject: old)
            let validating = try webhooks.filter {
                try !$0.mutating && Self.objectSelected($0, result.object, old)
                    && Self.conditionsHold($0, seen, object: result.object, oldObject: old)
            }
            warnings += try await validate(validating, seen, object: result.object, oldObject: old)
            if write.dryRun {
                result.warnings = warnings + result.warnings
                return result
            }
            var real = write
            real.admissionMutation = mutation.isEmpty ? nil : .array(mutation)
            real.admittedResourceVersion = dry.admittedResourceVersion
            do {
                var stored = try await perform(real)
                stored.warnings = warnings + stored.warnings
                return stored
            } catch SandboxError.api(let status) where status.code == 409 && attempt < 3 && old != nil {
                continue   // changed while being admitted: admit the new state
            }
        }
    }

    /// Calls the validating webhooks for a delete (the object being deleted as `oldObject`).
    func admittedDelete(_ attributes: AdmissionAttributes) async throws -> [String] {
        let webhooks = try await matchingWebhooks(attributes, objectNamespaceLabels: nil).filter { !$0.mutating }
        let policies = await matchingPolicies(attributes)
        guard !webhooks.isEmpty || !policies.isEmpty else { return [] }
        let old = try await store.get(attributes.type, namespace: attributes.namespace, name: attributes.name)
        let warnings = try await enforce(policies, attributes, object: nil, oldObject: old)
        let selected = try webhooks.filter {
            try Self.objectSelected($0, nil, old) && Self.conditionsHold($0, attributes, object: nil, oldObject: old)
        }
        return try await warnings + validate(selected, attributes, object: nil, oldObject: old)
    }

    /// The webhooks whose rules and namespace selector cover the request.
    private func matchingWebhooks(_ attributes: AdmissionAttributes, objectNamespaceLabels: JSONObject?) async throws -> [AdmissionWebhook] {
        guard attributes.type.group != "admissionregistration.k8s.io" else { return [] }
        let all = await store.admissionWebhooks()
        let candidates = (all.mutating + all.validating).filter { $0.matches(attributes) }
        guard !candidates.isEmpty else { return [] }
        // A namespace is selected by its own labels; other cluster-scoped objects always are.
        let labels = await requestNamespaceLabels(attributes)
        let selected = candidates.filter { webhook in labels.map(webhook.namespaceSelector.matches) ?? true }
        if attributes.dryRun, let unsafe = selected.first(where: { !["None", "NoneOnDryRun"].contains($0.sideEffects) }) {
            throw SandboxError.api(.badRequest("admission webhook \"\(unsafe.name)\" does not support dry run"))
        }
        return selected
    }

    /// Whether the webhook's matchConditions let it be called; a condition that cannot be
    /// evaluated under failurePolicy Fail refuses the request (403).
    private static func conditionsHold(_ webhook: AdmissionWebhook, _ attributes: AdmissionAttributes, object: JSONValue?,
                                       oldObject: JSONValue?) throws(SandboxError) -> Bool {
        guard !webhook.matchConditions.isEmpty else { return true }
        let variables = AdmissionCEL.variables(attributes, object: object, oldObject: oldObject)
        switch AdmissionCEL.match(webhook.matchConditions, variables, failOnError: webhook.failurePolicy == .fail) {
        case .matches: return true
        case .excluded: return false
        case .failed(let message):
            throw .api(.forbidden(group: attributes.type.group, resource: attributes.type.plural, name: attributes.name, message))
        }
    }

    private static func objectSelected(_ webhook: AdmissionWebhook, _ object: JSONValue?, _ old: JSONValue?) -> Bool {
        [object, old].compactMap { $0 }.contains { webhook.objectSelector.matches($0["metadata"]?["labels"]?.objectValue ?? [:]) }
    }

    /// Calls the validating webhooks concurrently; the first denial (in configuration order) or
    /// failure under failurePolicy Fail is thrown; otherwise their warnings.
    private func validate(_ webhooks: [AdmissionWebhook], _ attributes: AdmissionAttributes, object: JSONValue?,
                          oldObject: JSONValue?) async throws -> [String] {
        let outcomes = await withTaskGroup(of: (Int, Result<WebhookVerdict?, SandboxError>).self) { group in
            for (index, webhook) in webhooks.enumerated() {
                group.addTask {
                    do { return (index, .success(try await self.call(webhook, attributes, object: object, oldObject: oldObject))) }
                    catch let error as SandboxError { return (index, .failure(error)) }
                    catch { return (index, .failure(.api(Self.webhookFailure(webhook, "\(error)")))) }
                }
            }
            var results: [(Int, Result<WebhookVerdict?, SandboxError>)] = []
            for await outcome in group { results.append(outcome) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var warnings: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let verdict): warnings += verdict?.warnings ?? []
            case .failure(let error): throw error
            }
        }
        return warnings
    }

    /// One call: the verdict, nil when the call failed and the policy ignores failures; a denial
    /// or a failure under policy Fail is thrown as the API server's Status.
    private func call(_ webhook: AdmissionWebhook, _ attributes: AdmissionAttributes, object: JSONValue?,
                      oldObject: JSONValue?) async throws(SandboxError) -> WebhookVerdict? {
        let verdict: WebhookVerdict
        do {
            verdict = try await webhookCaller.call(webhook, attributes, object: object, oldObject: oldObject)
        } catch {
            guard webhook.failurePolicy == .fail else { return nil }
            throw .api(Self.webhookFailure(webhook, error.message))
        }
        guard verdict.allowed else { throw .api(Self.denial(by: webhook, verdict.status)) }
        return verdict
    }

    /// 500 InternalError, `failed calling webhook "name": ...`.
    static func webhookFailure(_ webhook: AdmissionWebhook, _ message: String) -> APIStatus {
        let detail = "failed calling webhook \"\(webhook.name)\": \(message)"
        return APIStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(detail)",
                         causes: [.init(reason: "", message: detail, field: nil)])
    }

    /// The webhook's own status with the API server's wording: at least 400, message
    /// `admission webhook "name" denied the request: ...`.
    static func denial(by webhook: AdmissionWebhook, _ status: JSONValue?) -> APIStatus {
        let prefix = "admission webhook \"\(webhook.name)\" denied the request"
        let message = status?["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        var denial = APIStatus(code: max(status?["code"]?.intValue ?? 400, 400), reason: status?["reason"]?.stringValue ?? "",
                               message: message.map { "\(prefix): \($0)" } ?? "\(prefix) without explanation")
        let details = status?["details"]
        denial.name = details?["name"]?.stringValue
        denial.group = details?["group"]?.stringValue
        denial.kind = details?["kind"]?.stringValue
        denial.causes = (details?["causes"]?.arrayValue ?? []).map {
            .init(reason: $0["reason"]?.stringValue ?? "", message: $0["message"]?.stringValue ?? "", field: $0["field"]?.stringValue)
        }
        return denial
    }
}
