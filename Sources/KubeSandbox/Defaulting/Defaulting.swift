import KubeModel

/// The API server's defaulting of built-in kinds (the `SetDefaults_*` functions of each API
/// group's `v1/defaults.go`, plus what the registries' create strategies fill in), applied to a
/// create or update body before validation, so defaulted fields belong to the writer.
enum Defaulting {
    /// `object` with every unset defaulted field of its kind filled in.
    static func defaulted(_ object: JSONValue, _ type: ServedResource) -> JSONValue {
        var object = object
        switch type.storageKey {
        case "pods":
            object["spec"] = object["spec"].map { podSpec($0, isPod: true) }
        case "podtemplates", "replicationcontrollers":
            object["template"] = object["template"].map(podTemplate)
        case "deployments.apps":
            object["spec"] = object["spec"].map(deploymentSpec)
        case "replicasets.apps":
            object["spec"] = object["spec"].map(replicaSetSpec)
        case "statefulsets.apps":
            object["spec"] = object["spec"].map(statefulSetSpec)
        case "daemonsets.apps":
            object["spec"] = object["spec"].map(daemonSetSpec)
            if object["metadata"]?["annotations"]?["deprecated.daemonset.template.generation"] == nil {
                var annotations = object["metadata"]?["annotations"]?.objectValue ?? JSONObject()
                annotations["deprecated.daemonset.template.generation"] = .string(String(object["metadata"]?["generation"]?.intValue ?? 1))
                object["metadata"]?["annotations"] = .object(annotations)
            }
        case "jobs.batch":
            object["spec"] = object["spec"].map(jobSpec)
        case "cronjobs.batch":
            object["spec"] = object["spec"].map(cronJobSpec)
        case "services":
            object["spec"] = serviceSpec(object["spec"] ?? .object([:]))
        case "configmaps":
            object = withoutEmptyMaps(object, ["data", "binaryData"])
        case "secrets":
            object = secret(object)
        case "namespaces":
            object = namespace(object)
        case "networkpolicies.networking.k8s.io":
            object["spec"] = object["spec"].map(networkPolicySpec)
        case "horizontalpodautoscalers.autoscaling":
            object["spec"] = object["spec"].map(autoscalerSpec)
        case "persistentvolumeclaims":
            object["spec"] = object["spec"].map(claimSpec)
        case "validatingwebhookconfigurations.admissionregistration.k8s.io":
            object = webhookConfiguration(object, mutating: false)
        case "mutatingwebhookconfigurations.admissionregistration.k8s.io":
            object = webhookConfiguration(object, mutating: true)
        case "validatingadmissionpolicies.admissionregistration.k8s.io":
            object["spec"] = object["spec"].map(admissionPolicySpec)
        case "validatingadmissionpolicybindings.admissionregistration.k8s.io":
            object["spec"] = object["spec"].map(admissionPolicyBindingSpec)
        default:
            break
        }
        return object
    }

    /// `object` without the given top-level maps when they are empty: Go's `omitempty` drops them.
    static func withoutEmptyMaps(_ object: JSONValue, _ keys: [String]) -> JSONValue {
        var object = object
        for key in keys where object[key]?.objectValue?.isEmpty == true { object[key] = nil }
        return object
    }

    /// Sets `key` to `value` when it is absent (or null).
    static func setDefault(_ object: inout JSONValue, _ key: String, _ value: JSONValue) {
        guard case .object = object else { return }
        if object[key] == nil || object[key]?.isNull == true { object[key] = value }
    }

    /// Applies `transform` to every element of the array at `key`, if there is one.
    static func eachItem(_ object: inout JSONValue, _ key: String, _ transform: (JSONValue) -> JSONValue) {
        guard let items = object[key]?.arrayValue else { return }
        object[key] = .array(items.map(transform))
    }
}
