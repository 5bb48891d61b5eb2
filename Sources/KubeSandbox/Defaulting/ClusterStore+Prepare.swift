import KubeModel

/// What the registries' strategies and the default admission plugins add to a new or updated
/// object after its writer's fields are recorded (so the writer does not own them): allocated
/// cluster IPs and node ports, a Job's generated selector, a Pod's service account token volume,
/// tolerations, priority and initial status, a Namespace's `kubernetes` finalizer.
extension ClusterStore {
    func prepareCreate(_ object: JSONValue, _ type: ServedResource) throws(SandboxError) -> JSONValue {
        var object = object
        if type.schema == nil, !Self.generationTracked.contains(type.storageKey) { object["metadata"]?["generation"] = nil }
        switch type.storageKey {
        case "pods":
            object = admitPod(object)
            object["status"] = ["phase": "Pending", "qosClass": .string(Self.qosClass(object["spec"] ?? .null))]
        case "services":
            object["spec"] = try allocate(object["spec"] ?? .object([:]), type, name: object["metadata"]?["name"]?.stringValue ?? "")
            object["status"] = Defaulting.serviceStatus(object["status"] ?? .object([:]))
        case "jobs.batch":
            object = Self.withGeneratedSelector(object)
            setStatus(&object, .object([:]))
        case "namespaces":
            object["spec"] = ["finalizers": ["kubernetes"]]
        case "persistentvolumeclaims":
            setStatus(&object, ["phase": "Pending"])
            object = Self.withProtectionFinalizer(object, "kubernetes.io/pvc-protection")
        case "deployments.apps", "replicasets.apps", "cronjobs.batch":
            setStatus(&object, .object([:]))
        case "statefulsets.apps":
            setStatus(&object, ["replicas": 0, "availableReplicas": 0])
        case "daemonsets.apps":
            setStatus(&object, ["currentNumberScheduled": 0, "numberMisscheduled": 0, "desiredNumberScheduled": 0, "numberReady": 0])
        case "events":
            object = EventConversion.isEventsView(type) ? EventConversion.coreForm(object) : EventConversion.withCoreDefaults(object)
        case "poddisruptionbudgets.policy":
            setStatus(&object, ["disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0])
        case "horizontalpodautoscalers.autoscaling":
            setStatus(&object, ["desiredReplicas": 0, "currentMetrics": nil])
        default:
            break
        }
        return object
    }

    /// Keeps what the server set on create when an update omits it; allocated IPs may not change.
    func prepareUpdate(_ object: JSONValue, old: JSONValue, _ type: ServedResource) throws(SandboxError) -> JSONValue {
        var object = object
        switch type.storageKey {
        case "services":
            object["spec"] = try keepAllocations(object["spec"] ?? .object([:]), old: old["spec"] ?? .object([:]), type,
                                                 name: old["metadata"]?["name"]?.stringValue ?? "")
        case "namespaces":
            object["spec"] = old["spec"]
        case "jobs.batch":
            if object["spec"]?["selector"] == nil { object["spec"]?["selector"] = old["spec"]?["selector"] }
        case "pods":
            for field in ["serviceAccountName", "serviceAccount", "priority", "preemptionPolicy", "tolerations", "volumes"]
            where object["spec"]?[field] == nil {
                object["spec"]?[field] = old["spec"]?[field]
            }
        default:
            break
        }
        return object
    }

    /// The built-in kinds whose strategies track `metadata.generation` (custom resources all do).
    static let generationTracked: Set<String> = [
        "pods", "deployments.apps", "replicasets.apps", "statefulsets.apps", "daemonsets.apps", "jobs.batch", "cronjobs.batch",
        "networkpolicies.networking.k8s.io", "ingresses.networking.k8s.io", "poddisruptionbudgets.policy",
        "customresourcedefinitions.apiextensions.k8s.io", "validatingwebhookconfigurations.admissionregistration.k8s.io",
        "mutatingwebhookconfigurations.admissionregistration.k8s.io", "replicationcontrollers",
        "validatingadmissionpolicies.admissionregistration.k8s.io", "validatingadmissionpolicybindings.admissionregistration.k8s.io",
    ]

    /// The defaults of a status write.
    static func defaultedStatus(_ status: JSONValue?, _ type: ServedResource) -> JSONValue? {
        guard let status, type.storageKey == "services" else { return status }
        return Defaulting.serviceStatus(status)
    }

    private func setStatus(_ object: inout JSONValue, _ status: JSONValue) {
        if object["status"] == nil { object["status"] = status }
    }

    /// A Job without `manualSelector` selects its pods by its own uid, and labels its template so.
    static func withGeneratedSelector(_ job: JSONValue) -> JSONValue {
        guard job["spec"]?["manualSelector"]?.boolValue != true,
              let uid = job["metadata"]?["uid"]?.stringValue, let name = job["metadata"]?["name"]?.stringValue else { return job }
        var job = job
        var labels = job["spec"]?["template"]?["metadata"]?["labels"]?.objectValue ?? JSONObject()
        labels["batch.kubernetes.io/controller-uid"] = .string(uid)
        labels["batch.kubernetes.io/job-name"] = .string(name)
        labels["controller-uid"] = .string(uid)
        labels["job-name"] = .string(name)
        if job["spec"]?["template"]?["metadata"] == nil { job["spec"]?["template"]?["metadata"] = .object([:]) }
        job["spec"]?["template"]?["metadata"]?["labels"] = .object(labels)
        if job["spec"]?["selector"] == nil {
            job["spec"]?["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
        }
        if (job["metadata"]?["labels"]?.objectValue ?? JSONObject()).isEmpty { job["metadata"]?["labels"] = .object(labels) }
        return job
    }
}
