import KubeModel

/// The Deployment controller, for a cluster without kubelets: it keeps one ReplicaSet per pod
/// template (named with the template's hash, labelled `pod-template-hash`), scales the current
/// one to the Deployment's replicas and older ones to zero (a rollout finishes at once, as no
/// pod ever becomes ready to wait for), and reports status and the revision annotation.
extension ClusterStore {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"

    func reconcileDeployments() {
        let replicaSets = byController("replicasets.apps")
        for deployment in current("deployments.apps") where !Self.isDeleting(deployment) {
            reconcile(deployment, owned: replicaSets[deployment.uid] ?? [])
        }
    }

    private func reconcile(_ deployment: StoredObject, owned: [StoredObject]) {
        guard let spec = deployment.value["spec"], let template = spec["template"] else { return }
        let replicas = spec["replicas"]?.intValue ?? 1
        let (maxSurge, maxUnavailable) = Self.rollingBounds(spec, replicas: replicas)
        var newest = owned.first { Self.withoutHashLabel($0.value["spec"]?["template"]) == Self.withoutHashLabel(template) }
        let revision = Self.revision(of: newest, among: owned)
        var annotations: JSONObject = [
            "deployment.kubernetes.io/desired-replicas": .string(String(replicas)),
            "deployment.kubernetes.io/max-replicas": .string(String(replicas + maxSurge)),
            Self.revisionAnnotation: .string(revision),
        ]
        if let existing = newest {
            var value = existing.value
            value["spec"]?["replicas"] = .integer(replicas)
            var merged = value["metadata"]?["annotations"]?.objectValue ?? JSONObject()
            if let history = Self.revisionHistory(existing, becoming: revision) { annotations[Self.revisionHistoryAnnotation] = .string(history) }
            for (key, annotation) in annotations { merged[key] = annotation }
            value["metadata"]?["annotations"] = .object(merged)
            controllerUpdate(existing, "replicasets.apps", value)
        } else {
            let hash = Self.podTemplateHash(template)
            var labels = template["metadata"]?["labels"]?.objectValue ?? JSONObject()
            labels["pod-template-hash"] = .string(hash)
            var selector = spec["selector"] ?? .object([:])
            var matchLabels = selector["matchLabels"]?.objectValue ?? JSONObject()
            matchLabels["pod-template-hash"] = .string(hash)
            selector["matchLabels"] = .object(matchLabels)
            var podTemplate = template
            if podTemplate["metadata"] == nil { podTemplate["metadata"] = .object([:]) }
            podTemplate["metadata"]?["labels"] = .object(labels)
            var replicaSetSpec: JSONObject = ["replicas": .integer(replicas), "selector": selector, "template": podTemplate]
            if let minReadySeconds = spec["minReadySeconds"] { replicaSetSpec["minReadySeconds"] = minReadySeconds }
            let created = controllerCreate("replicasets.apps", namespace: deployment.namespace, [
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": ["name": .string("\(deployment.name)-\(hash)"), "labels": .object(labels), "annotations": .object(annotations),
                             "ownerReferences": [Self.controllerReference(to: deployment, apiVersion: "apps/v1", kind: "Deployment")]],
                "spec": .object(replicaSetSpec),
            ])
            newest = created.flatMap { objects["replicasets.apps"]?[Self.key(namespace: deployment.namespace, name: $0["metadata"]?["name"]?.stringValue ?? "")] }
        }
        for old in owned where old.uid != newest?.uid && (old.value["spec"]?["replicas"]?.intValue ?? 0) != 0 {
            var value = old.value
            value["spec"]?["replicas"] = 0
            controllerUpdate(old, "replicasets.apps", value)
        }
        guard let newest, let latest = refreshed(deployment, "deployments.apps") else { return }
        // The revision annotation goes with the status, through the status subresource.
        var value = latest.value
        var merged = value["metadata"]?["annotations"]?.objectValue ?? JSONObject()
        merged[Self.revisionAnnotation] = .string(revision)
        value["metadata"]?["annotations"] = .object(merged)
        value["status"] = deploymentStatus(latest, newest: newest, owned: owned, replicas: replicas, maxUnavailable: maxUnavailable)
        controllerUpdate(latest, "deployments.apps", value, status: true)
    }

    private func deploymentStatus(_ deployment: StoredObject, newest: StoredObject, owned: [StoredObject],
                                  replicas: Int, maxUnavailable: Int) -> JSONValue {
        let sets = owned.compactMap { refreshed($0, "replicasets.apps") } + (owned.contains { $0.uid == newest.uid } ? [] : [newest])
        let count = { (field: String, among: [StoredObject]) in among.reduce(0) { $0 + ($1.value["status"]?[field]?.intValue ?? 0) } }
        let total = count("replicas", sets)
        let updated = count("replicas", sets.filter { $0.uid == newest.uid })
        let ready = count("readyReplicas", sets)
        let available = count("availableReplicas", sets)
        var status: JSONObject = ["observedGeneration": deployment.metadata["generation"] ?? 1, "replicas": .integer(total),
                                  "updatedReplicas": .integer(updated)]
        if ready > 0 { status["readyReplicas"] = .integer(ready) }
        if available > 0 { status["availableReplicas"] = .integer(available) }
        if replicas - available > 0 { status["unavailableReplicas"] = .integer(max(0, total - available)) }
        status["terminatingReplicas"] = 0
        let previous = deployment.value["status"]?["conditions"]?.arrayValue ?? []
        let minimum = available >= replicas - maxUnavailable
        let complete = updated == replicas && available == replicas && total == replicas
        status["conditions"] = [
            Self.condition("Available", status: minimum ? "True" : "False",
                           reason: minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                           message: minimum ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                           previous: previous),
            Self.condition("Progressing", status: "True", reason: complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                           message: complete ? "ReplicaSet \"\(newest.name)\" has successfully progressed."
                                             : "ReplicaSet \"\(newest.name)\" is progressing.",
                           previous: previous),
        ]
        return .object(status)
    }

    /// maxSurge (rounded up) and maxUnavailable (rounded down) as counts; Recreate allows neither.
    static func rollingBounds(_ spec: JSONValue, replicas: Int) -> (surge: Int, unavailable: Int) {
        guard spec["strategy"]?["type"]?.stringValue != "Recreate" else { return (0, 0) }
        let rolling = spec["strategy"]?["rollingUpdate"]
        let surge = scaled(rolling?["maxSurge"] ?? "25%", of: replicas, roundUp: true)
        let unavailable = scaled(rolling?["maxUnavailable"] ?? "25%", of: replicas, roundUp: false)
        return (surge, surge == 0 && unavailable == 0 ? 1 : unavailable)
    }

    static func scaled(_ value: JSONValue, of total: Int, roundUp: Bool) -> Int {
        if let count = value.intValue { return count }
        guard let text = value.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return 0 }
        let product = percent * total
        return roundUp ? (product + 99) / 100 : product / 100
    }

    static func withoutHashLabel(_ template: JSONValue?) -> JSONValue? {
        guard var template else { return nil }
        template["metadata"]?["labels"]?["pod-template-hash"] = nil
        if template["metadata"]?["labels"]?.objectValue?.isEmpty == true { template["metadata"]?["labels"] = nil }
        if template["metadata"]?.objectValue?.isEmpty == true { template["metadata"] = nil }
        return template
    }

    /// FNV-1a (32 bits) of the template, its decimal digits spelled in the alphabet the API
    /// machinery uses for generated names, as the Deployment controller names ReplicaSets.
    static func podTemplateHash(_ template: JSONValue) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in (withoutHashLabel(template) ?? template).jsonText().utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(String(hash).utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}
