extension ResourceType {
    public static let namespaces = ResourceType(group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false)
    public static let pods = ResourceType(group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true)
    public static let services = ResourceType(group: "", version: "v1", resource: "services", kind: "Service", namespaced: true)
    public static let secrets = ResourceType(group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true)
    public static let configMaps = ResourceType(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)
    public static let serviceAccounts = ResourceType(
        group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true)
    public static let deployments = ResourceType(group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)
    public static let statefulSets = ResourceType(group: "apps", version: "v1", resource: "statefulsets", kind: "StatefulSet", namespaced: true)
    public static let replicaSets = ResourceType(group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true)
    public static let daemonSets = ResourceType(group: "apps", version: "v1", resource: "daemonsets", kind: "DaemonSet", namespaced: true)
    public static let jobs = ResourceType(group: "batch", version: "v1", resource: "jobs", kind: "Job", namespaced: true)
    public static let cronJobs = ResourceType(group: "batch", version: "v1", resource: "cronjobs", kind: "CronJob", namespaced: true)
    public static let horizontalPodAutoscalers = ResourceType(
        group: "autoscaling", version: "v2", resource: "horizontalpodautoscalers", kind: "HorizontalPodAutoscaler", namespaced: true)
    public static let networkPolicies = ResourceType(
        group: "networking.k8s.io", version: "v1", resource: "networkpolicies", kind: "NetworkPolicy", namespaced: true)
    public static let podDisruptionBudgets = ResourceType(
        group: "policy", version: "v1", resource: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true)
    public static let leases = ResourceType(group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true)
    public static let events = ResourceType(group: "events.k8s.io", version: "v1", resource: "events", kind: "Event", namespaced: true)
    public static let customResourceDefinitions = ResourceType(
        group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions",
        kind: "CustomResourceDefinition", namespaced: false)
    public static let validatingWebhookConfigurations = ResourceType(
        group: "admissionregistration.k8s.io", version: "v1", resource: "validatingwebhookconfigurations",
        kind: "ValidatingWebhookConfiguration", namespaced: false)
}
