import KubeModel

/// The cluster roles and bindings a real API server bootstraps that matter to the sandbox. They
/// are not stored objects (lists of ClusterRoles stay empty); RBAC consults them beside the stored ones.
enum BootstrapPolicy {
    static let clusterRoles: [String: [PolicyRule]] = [
        "cluster-admin": [
            PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]),
            PolicyRule(verbs: ["*"], nonResourceURLs: ["*"]),
        ],
        "system:discovery": [
            PolicyRule(verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez",
                                                         "/openapi", "/openapi/*", "/readyz", "/version", "/version/"]),
        ],
        "system:public-info-viewer": [
            PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"]),
        ],
        "system:basic-user": [
            PolicyRule(verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"]),
            PolicyRule(verbs: ["create"], apiGroups: ["authorization.k8s.io"],
                       resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
        ],
    ]

    /// ClusterRoleBindings as stored objects would have them.
    static let clusterRoleBindings: [JSONValue] = [
        binding("cluster-admin", groups: [AuthenticatedUser.mastersGroup]),
        binding("system:discovery", groups: [AuthenticatedUser.authenticatedGroup]),
        binding("system:basic-user", groups: [AuthenticatedUser.authenticatedGroup]),
        binding("system:public-info-viewer", groups: [AuthenticatedUser.authenticatedGroup, AuthenticatedUser.unauthenticatedGroup]),
    ]

    private static func binding(_ role: String, groups: [String]) -> JSONValue {
        [
            "metadata": ["name": .string(role)],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)],
            "subjects": .array(groups.map { ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string($0)] }),
        ]
    }
}
