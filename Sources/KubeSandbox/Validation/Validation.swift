import KubeModel
import KubeSchema

/// What the API server's REST strategies check on built-in objects beyond their OpenAPI types
/// (`pkg/apis/*/validation`): formats, cross-field rules and, on update, immutability. The
/// checks assume defaulted input but tolerate missing optional fields.
enum Validation {
    /// The field errors of `object` (and, on update, of the change from `old`).
    static func check(_ object: JSONValue, old: JSONValue?, _ type: ServedResource) -> FieldErrors {
        var errors = objectMeta(object["metadata"], names: nameFormat(type))
        if let old { errors.append(objectMetaUpdate(object["metadata"], old: old["metadata"])) }
        switch type.storageKey {
        case "configmaps": errors.append(configMap(object, old: old))
        case "secrets": errors.append(secret(object, old: old))
        case "services": errors.append(service(object, old: old))
        case "pods": errors.append(pod(object, old: old))
        case "events": errors.append(EventConversion.isEventsView(type) ? event(object) : coreEvent(object))
        case "persistentvolumeclaims": errors.append(persistentVolumeClaim(object))
        case "deployments.apps": errors.append(deployment(object, old: old))
        case "statefulsets.apps": errors.append(statefulSet(object, old: old))
        case "daemonsets.apps": errors.append(daemonSet(object, old: old))
        case "replicasets.apps": errors.append(replicaSet(object, old: old))
        case "jobs.batch": errors.append(job(object, old: old))
        case "cronjobs.batch": errors.append(cronJob(object))
        case "networkpolicies.networking.k8s.io": errors.append(networkPolicy(object))
        case "ingresses.networking.k8s.io": errors.append(ingress(object))
        case "horizontalpodautoscalers.autoscaling": errors.append(horizontalPodAutoscaler(object))
        case "poddisruptionbudgets.policy": errors.append(podDisruptionBudget(object))
        case "leases.coordination.k8s.io": errors.append(lease(object))
        case "roles.rbac.authorization.k8s.io": errors.append(rules(object, namespaced: true))
        case "clusterroles.rbac.authorization.k8s.io": errors.append(rules(object, namespaced: false))
        case "rolebindings.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io":
            errors.append(roleBinding(object, old: old))
        case "validatingwebhookconfigurations.admissionregistration.k8s.io": errors.append(webhookConfiguration(object, mutating: false))
        case "mutatingwebhookconfigurations.admissionregistration.k8s.io": errors.append(webhookConfiguration(object, mutating: true))
        case "validatingadmissionpolicies.admissionregistration.k8s.io": errors.append(admissionPolicy(object))
        case "validatingadmissionpolicybindings.admissionregistration.k8s.io": errors.append(admissionPolicyBinding(object))
        default: break
        }
        return errors
    }

    /// The format the kind's names must have.
    static func nameFormat(_ type: ServedResource) -> NameFormat {
        switch type.storageKey {
        case "namespaces": return .namespace
        case "services": return .label
        case _ where type.group == "rbac.authorization.k8s.io": return .pathSegment
        default: return .subdomain
        }
    }

    /// The 422 for `errors`, naming the kind as the real server does (events.k8s.io Events are
    /// validated as core Events, so their errors name the core kind).
    static func invalidStatus(_ type: ServedResource, name: String, _ errors: FieldErrors) -> APIStatus {
        var status = APIStatus.invalid(type, name, errors.list)
        if EventConversion.isEventsView(type) {
            status.group = nil
            status.message = status.message.replacingOccurrences(of: "Event.events.k8s.io ", with: "Event ")
        }
        return status
    }
}

extension ClusterStore {
    /// The hook where writes of objects are validated as the real API server validates them:
    /// malformed values are a 400 (they would not decode), rule violations a 422.
    func checkObject(_ object: JSONValue, old: JSONValue?, _ type: ServedResource, namespace: String,
                     name: String) throws(SandboxError) {
        try Validation.decodable(object, type)
        var object = object
        object["metadata"]?["namespace"] = type.namespaced ? .string(namespace) : nil
        let errors = Validation.check(object, old: old, type)
        if !errors.isEmpty { throw .api(Validation.invalidStatus(type, name: name, errors)) }
    }
}
