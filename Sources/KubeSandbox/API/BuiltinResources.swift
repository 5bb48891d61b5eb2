/// The built-in resources the sandbox serves, as a real 1.36 API server lists them in discovery.
enum BuiltinResources {
    static let all: [ResourceType] = core + apps + others
    static let namespaces = core[0]

    private static func make(_ group: String, _ version: String, _ plural: String, _ kind: String,
                             namespaced: Bool = true, short: [String] = [], status: Bool = false,
                             categories: [String] = []) -> ResourceType {
        ResourceType(group: group, version: version, plural: plural, singular: kind.lowercased(), kind: kind,
                     namespaced: namespaced, shortNames: short, categories: categories, hasStatus: status)
    }

    private static let core: [ResourceType] = [
        make("", "v1", "namespaces", "Namespace", namespaced: false, short: ["ns"], status: true),
        make("", "v1", "pods", "Pod", short: ["po"], status: true, categories: ["all"]),
        make("", "v1", "services", "Service", short: ["svc"], status: true, categories: ["all"]),
        make("", "v1", "configmaps", "ConfigMap", short: ["cm"]),
        make("", "v1", "secrets", "Secret"),
        make("", "v1", "serviceaccounts", "ServiceAccount", short: ["sa"]),
        make("", "v1", "events", "Event", short: ["ev"]),
        make("", "v1", "endpoints", "Endpoints", short: ["ep"]),
        make("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", short: ["pvc"], status: true),
        make("", "v1", "nodes", "Node", namespaced: false, short: ["no"], status: true),
    ]

    private static let apps: [ResourceType] = [
        make("apps", "v1", "deployments", "Deployment", short: ["deploy"], status: true, categories: ["all"]),
        make("apps", "v1", "statefulsets", "StatefulSet", short: ["sts"], status: true, categories: ["all"]),
        make("apps", "v1", "daemonsets", "DaemonSet", short: ["ds"], status: true, categories: ["all"]),
        make("apps", "v1", "replicasets", "ReplicaSet", short: ["rs"], status: true, categories: ["all"]),
    ]

    private static let others: [ResourceType] = [
        make("batch", "v1", "jobs", "Job", status: true, categories: ["all"]),
        make("batch", "v1", "cronjobs", "CronJob", short: ["cj"], status: true, categories: ["all"]),
        make("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", short: ["hpa"], status: true, categories: ["all"]),
        make("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", short: ["netpol"]),
        make("networking.k8s.io", "v1", "ingresses", "Ingress", short: ["ing"], status: true),
        make("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", short: ["pdb"], status: true),
        make("coordination.k8s.io", "v1", "leases", "Lease"),
        make("events.k8s.io", "v1", "events", "Event", short: ["ev"]),
        make("rbac.authorization.k8s.io", "v1", "roles", "Role"),
        make("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
        make("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", namespaced: false),
        make("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", namespaced: false),
        make("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition",
             namespaced: false, short: ["crd", "crds"], status: true, categories: ["api-extensions"]),
        make("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration",
             namespaced: false, categories: ["api-extensions"]),
        make("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration",
             namespaced: false, categories: ["api-extensions"]),
        make("admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy",
             namespaced: false, status: true, categories: ["api-extensions"]),
        make("admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding",
             namespaced: false, categories: ["api-extensions"]),
    ]
}
