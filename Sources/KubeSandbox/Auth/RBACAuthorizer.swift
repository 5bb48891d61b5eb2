import KubeModel

/// RBAC as the API server evaluates it, over a snapshot of the stored Roles, ClusterRoles and
/// bindings plus the bootstrap policy; `system:masters` is allowed everything first.
struct RBACAuthorizer: Sendable {
    /// Stored objects by name ("namespace/name" for namespaced ones).
    var roles: [String: JSONValue] = [:]
    var clusterRoles: [String: JSONValue] = [:]
    var roleBindings: [JSONValue] = []
    var clusterRoleBindings: [JSONValue] = []

    /// The answer to one request.
    struct Decision: Sendable {
        var allowed: Bool
        /// Why, as SubjectAccessReview's `status.reason` says it (empty for system:masters).
        var reason = ""
    }

    func authorize(_ user: AuthenticatedUser, _ request: RequestAttributes) -> Decision {
        if user.isMaster { return Decision(allowed: true) }
        var found: Decision?
        visitRules(of: user, namespace: request.namespace) { source, rule in
            guard rule.allows(request) else { return true }
            found = Decision(allowed: true, reason: "RBAC: allowed by " + source)
            return false
        }
        return found ?? Decision(allowed: false)
    }

    /// Every rule that applies to `user` in `namespace` (cluster-wide ones only when empty).
    func rules(of user: AuthenticatedUser, namespace: String) -> [PolicyRule] {
        var rules: [PolicyRule] = []
        visitRules(of: user, namespace: namespace) { _, rule in
            rules.append(rule)
            return true
        }
        return rules
    }

    /// The rules of a role a binding refers to (nil when it does not exist).
    func rules(ofRoleRef roleRef: JSONValue?, namespace: String) -> [PolicyRule]? {
        guard let name = roleRef?["name"]?.stringValue else { return nil }
        switch roleRef?["kind"]?.stringValue {
        case "ClusterRole": return clusterRoleRules(name)
        case "Role": return roles[namespace + "/" + name].map(PolicyRule.rules(of:))
        default: return nil
        }
    }

    /// Calls `visit` with each applicable rule and where it comes from, until it returns false.
    private func visitRules(of user: AuthenticatedUser, namespace: String,
                            _ visit: (_ source: String, _ rule: PolicyRule) -> Bool) {
        for binding in BootstrapPolicy.clusterRoleBindings + clusterRoleBindings {
            guard let subject = Self.subject(in: binding, matching: user, bindingNamespace: ""),
                  let rules = rules(ofRoleRef: binding["roleRef"], namespace: "") else { continue }
            let source = Self.describe(binding, kind: "ClusterRoleBinding", subject: subject)
            for rule in rules where !visit(source, rule) { return }
        }
        guard !namespace.isEmpty else { return }
        for binding in roleBindings where binding["metadata"]?["namespace"]?.stringValue == namespace {
            guard let subject = Self.subject(in: binding, matching: user, bindingNamespace: namespace),
                  let rules = rules(ofRoleRef: binding["roleRef"], namespace: namespace) else { continue }
            let source = Self.describe(binding, kind: "RoleBinding", subject: subject)
            for rule in rules where !visit(source, rule) { return }
        }
    }

    /// A stored ClusterRole's rules (an aggregated one's are its selected roles'), or a bootstrap one's.
    private func clusterRoleRules(_ name: String) -> [PolicyRule]? {
        guard let role = clusterRoles[name] else { return BootstrapPolicy.clusterRoles[name] }
        guard let selectors = role["aggregationRule"]?["clusterRoleSelectors"]?.arrayValue else {
            return PolicyRule.rules(of: role)
        }
        let selected = clusterRoles.keys.sorted().compactMap { clusterRoles[$0] }.filter { candidate in
            let labels = candidate["metadata"]?["labels"]?.objectValue ?? [:]
            return candidate["aggregationRule"] == nil && selectors.contains { Self.selector($0, matches: labels) }
        }
        return PolicyRule.rules(of: role) + selected.flatMap(PolicyRule.rules(of:))
    }

    /// A `metav1.LabelSelector` (matchLabels and matchExpressions) against labels.
    private static func selector(_ selector: JSONValue, matches labels: JSONObject) -> Bool {
        KubeModel.LabelSelector(json: selector)?.matches(labels: .object(labels)) ?? false
    }

    /// The binding's first subject that is `user` (a User, one of its Groups, or its ServiceAccount).
    private static func subject(in binding: JSONValue, matching user: AuthenticatedUser, bindingNamespace: String) -> JSONValue? {
        (binding["subjects"]?.arrayValue ?? []).first { subject in
            guard let name = subject["name"]?.stringValue else { return false }
            switch subject["kind"]?.stringValue {
            case "User": return name == user.name
            case "Group": return user.groups.contains(name)
            case "ServiceAccount":
                let namespace = subject["namespace"]?.stringValue ?? bindingNamespace
                return !namespace.isEmpty && user.name == AuthenticatedUser.serviceAccount(namespace: namespace, name: name).name
            default: return false
            }
        }
    }

    /// `RoleBinding "reader/shop" of Role "reader" to ServiceAccount "robot/shop"`, as the real
    /// authorizer words its reason.
    private static func describe(_ binding: JSONValue, kind: String, subject: JSONValue) -> String {
        let metadata = binding["metadata"]
        let name = metadata?["name"]?.stringValue ?? ""
        let bindingName = metadata?["namespace"]?.stringValue.map { name + "/" + $0 } ?? name
        let roleKind = binding["roleRef"]?["kind"]?.stringValue ?? ""
        let roleName = binding["roleRef"]?["name"]?.stringValue ?? ""
        let subjectKind = subject["kind"]?.stringValue ?? ""
        let subjectName = subject["name"]?.stringValue ?? ""
        let who = subject["namespace"]?.stringValue.map { subjectName + "/" + $0 } ?? subjectName
        return "\(kind) \"\(bindingName)\" of \(roleKind) \"\(roleName)\" to \(subjectKind) \"\(who)\""
    }
}
