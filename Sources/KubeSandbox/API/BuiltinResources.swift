/// The built-in resources a real 1.36 API server serves, as its discovery lists them: group
/// versions in the server's order (which `/apis` keeps), each resource with its verbs, short
/// names, categories and subresources. This is the one typed table; for the group versions in
/// `kubernetes-openapi`, a test checks it against the paths of the official documents.
enum BuiltinResources {
    static let all: [ServedResource] = [
        r("v1", "bindings", "Binding", verbs: ["create"]),
        r("v1", "componentstatuses", "ComponentStatus", cluster: true, verbs: ["get", "list"], short: ["cs"]),
        r("v1", "configmaps", "ConfigMap", short: ["cm"]),
        r("v1", "endpoints", "Endpoints", short: ["ep"]),
        r("v1", "events", "Event", short: ["ev"]),
        r("v1", "limitranges", "LimitRange", short: ["limits"]),
        r("v1", "namespaces", "Namespace", cluster: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], short: ["ns"], sub: [.init("finalize", "Namespace", ["update"]), .status]),
        r("v1", "nodes", "Node", cluster: true, short: ["no"], sub: [.init("proxy", "NodeProxyOptions", ["create", "delete", "get", "patch", "update"]), .status]),
        r("v1", "persistentvolumeclaims", "PersistentVolumeClaim", short: ["pvc"], sub: [.status]),
        r("v1", "persistentvolumes", "PersistentVolume", cluster: true, short: ["pv"], sub: [.status]),
        r("v1", "pods", "Pod", short: ["po"], categories: ["all"], sub: [.init("attach", "PodAttachOptions", ["create", "get"]), .init("binding", "Binding", ["create"]), .init("ephemeralcontainers", "Pod", ["get", "patch", "update"]), .init("eviction", "Eviction", in: "policy/v1", ["create"]), .init("exec", "PodExecOptions", ["create", "get"]), .init("log", "Pod", ["get"]), .init("portforward", "PodPortForwardOptions", ["create", "get"]), .init("proxy", "PodProxyOptions", ["create", "delete", "get", "patch", "update"]), .init("resize", "Pod", ["get", "patch", "update"]), .status]),
        r("v1", "podtemplates", "PodTemplate"),
        r("v1", "replicationcontrollers", "ReplicationController", short: ["rc"], categories: ["all"], sub: [.scale, .status]),
        r("v1", "resourcequotas", "ResourceQuota", short: ["quota"], sub: [.status]),
        r("v1", "secrets", "Secret"),
        r("v1", "serviceaccounts", "ServiceAccount", short: ["sa"], sub: [.init("token", "TokenRequest", in: "authentication.k8s.io/v1", ["create"])]),
        r("v1", "services", "Service", short: ["svc"], categories: ["all"], sub: [.init("proxy", "ServiceProxyOptions", ["create", "delete", "get", "patch", "update"]), .status]),
        r("apiregistration.k8s.io/v1", "apiservices", "APIService", cluster: true, categories: ["api-extensions"], sub: [.status]),
        r("apps/v1", "controllerrevisions", "ControllerRevision"),
        r("apps/v1", "daemonsets", "DaemonSet", short: ["ds"], categories: ["all"], sub: [.status]),
        r("apps/v1", "deployments", "Deployment", short: ["deploy"], categories: ["all"], sub: [.scale, .status]),
        r("apps/v1", "replicasets", "ReplicaSet", short: ["rs"], categories: ["all"], sub: [.scale, .status]),
        r("apps/v1", "statefulsets", "StatefulSet", short: ["sts"], categories: ["all"], sub: [.scale, .status]),
        r("events.k8s.io/v1", "events", "Event", short: ["ev"]),
        r("authentication.k8s.io/v1", "selfsubjectreviews", "SelfSubjectReview", cluster: true, verbs: ["create"]),
        r("authentication.k8s.io/v1", "tokenreviews", "TokenReview", cluster: true, verbs: ["create"]),
        r("authorization.k8s.io/v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", verbs: ["create"]),
        r("authorization.k8s.io/v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", cluster: true, verbs: ["create"]),
        r("authorization.k8s.io/v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", cluster: true, verbs: ["create"]),
        r("authorization.k8s.io/v1", "subjectaccessreviews", "SubjectAccessReview", cluster: true, verbs: ["create"]),
        r("autoscaling/v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", short: ["hpa"], categories: ["all"], sub: [.status]),
        r("autoscaling/v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", short: ["hpa"], categories: ["all"], sub: [.status]),
        r("batch/v1", "cronjobs", "CronJob", short: ["cj"], categories: ["all"], sub: [.status]),
        r("batch/v1", "jobs", "Job", categories: ["all"], sub: [.status]),
        r("certificates.k8s.io/v1", "certificatesigningrequests", "CertificateSigningRequest", cluster: true, short: ["csr"], sub: [.init("approval", "CertificateSigningRequest", ["get", "patch", "update"]), .status]),
        r("networking.k8s.io/v1", "ingressclasses", "IngressClass", cluster: true),
        r("networking.k8s.io/v1", "ingresses", "Ingress", short: ["ing"], sub: [.status]),
        r("networking.k8s.io/v1", "ipaddresses", "IPAddress", cluster: true, short: ["ip"]),
        r("networking.k8s.io/v1", "networkpolicies", "NetworkPolicy", short: ["netpol"]),
        r("networking.k8s.io/v1", "servicecidrs", "ServiceCIDR", cluster: true, sub: [.status]),
        r("policy/v1", "poddisruptionbudgets", "PodDisruptionBudget", short: ["pdb"], sub: [.status]),
        r("rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding", cluster: true),
        r("rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole", cluster: true),
        r("rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding"),
        r("rbac.authorization.k8s.io/v1", "roles", "Role"),
        r("storage.k8s.io/v1", "csidrivers", "CSIDriver", cluster: true),
        r("storage.k8s.io/v1", "csinodes", "CSINode", cluster: true),
        r("storage.k8s.io/v1", "csistoragecapacities", "CSIStorageCapacity"),
        r("storage.k8s.io/v1", "storageclasses", "StorageClass", cluster: true, short: ["sc"]),
        r("storage.k8s.io/v1", "volumeattachments", "VolumeAttachment", cluster: true, sub: [.status]),
        r("storage.k8s.io/v1", "volumeattributesclasses", "VolumeAttributesClass", cluster: true, short: ["vac"]),
        r("admissionregistration.k8s.io/v1", "mutatingadmissionpolicies", "MutatingAdmissionPolicy", cluster: true, categories: ["api-extensions"]),
        r("admissionregistration.k8s.io/v1", "mutatingadmissionpolicybindings", "MutatingAdmissionPolicyBinding", cluster: true, categories: ["api-extensions"]),
        r("admissionregistration.k8s.io/v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", cluster: true, categories: ["api-extensions"]),
        r("admissionregistration.k8s.io/v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", cluster: true, categories: ["api-extensions"], sub: [.status]),
        r("admissionregistration.k8s.io/v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", cluster: true, categories: ["api-extensions"]),
        r("admissionregistration.k8s.io/v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", cluster: true, categories: ["api-extensions"]),
        r("apiextensions.k8s.io/v1", "customresourcedefinitions", "CustomResourceDefinition", cluster: true, short: ["crd", "crds"], categories: ["api-extensions"], sub: [.status]),
        r("scheduling.k8s.io/v1", "priorityclasses", "PriorityClass", cluster: true, short: ["pc"]),
        r("coordination.k8s.io/v1", "leases", "Lease"),
        r("node.k8s.io/v1", "runtimeclasses", "RuntimeClass", cluster: true),
        r("discovery.k8s.io/v1", "endpointslices", "EndpointSlice"),
        r("resource.k8s.io/v1", "deviceclasses", "DeviceClass", cluster: true),
        r("resource.k8s.io/v1", "resourceclaims", "ResourceClaim", sub: [.status]),
        r("resource.k8s.io/v1", "resourceclaimtemplates", "ResourceClaimTemplate"),
        r("resource.k8s.io/v1", "resourceslices", "ResourceSlice", cluster: true),
        r("flowcontrol.apiserver.k8s.io/v1", "flowschemas", "FlowSchema", cluster: true, sub: [.status]),
        r("flowcontrol.apiserver.k8s.io/v1", "prioritylevelconfigurations", "PriorityLevelConfiguration", cluster: true, sub: [.status]),
    ]

    /// The Namespace resource, which every namespaced write checks.
    static let namespaces = r("v1", "namespaces", "Namespace", cluster: true)

    private static func r(_ groupVersion: String, _ plural: String, _ kind: String, cluster: Bool = false,
                          singular: String? = nil, verbs: [String] = ServedResource.standardVerbs, short: [String] = [],
                          categories: [String] = [], sub: [APISubresource] = []) -> ServedResource {
        let parts = groupVersion.split(separator: "/").map(String.init)
        let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", groupVersion)
        return ServedResource(group: group, version: version, plural: plural, singular: singular ?? kind.lowercased(), kind: kind,
                            namespaced: !cluster, shortNames: short, categories: categories,
                            hasStatus: sub.contains { $0.name == "status" }, verbs: verbs, subresources: sub)
    }
}
