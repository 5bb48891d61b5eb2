import KubeModel

extension ClusterStore {
    /// The stored Roles, ClusterRoles and bindings, for one authorization decision.
    func rbacAuthorizer() -> RBACAuthorizer {
        let values = { (plural: String) in (self.objects[plural + ".rbac.authorization.k8s.io"] ?? [:]) }
        return RBACAuthorizer(
            roles: values("roles").mapValues(\.value),
            clusterRoles: values("clusterroles").mapValues(\.value),
            roleBindings: values("rolebindings").sorted { $0.key < $1.key }.map(\.value.value),
            clusterRoleBindings: values("clusterrolebindings").sorted { $0.key < $1.key }.map(\.value.value))
    }

    /// The uid of a stored ServiceAccount, nil when there is none.
    func serviceAccountUID(namespace: String, name: String) -> String? {
        objects["serviceaccounts"]?[Self.key(namespace: namespace, name: name)]?.uid
    }
}
