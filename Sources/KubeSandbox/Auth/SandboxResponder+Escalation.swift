import Hummingbird
import KubeModel

extension SandboxResponder {
    /// RBAC's escalation prevention: a Role or ClusterRole may only grant what its author holds
    /// (or the author may `escalate` it), and a binding may only bind a role whose permissions
    /// its author holds (or may `bind`). `system:masters` holds everything. Reads the body, so
    /// the request keeps it collected for the handler.
    func preventEscalation(_ request: inout Request, route: APIRoute, verb: String, user: AuthenticatedUser) async throws {
        guard !user.isMaster, ["create", "update", "patch"].contains(verb), case .resource(let path) = route,
              path.group == Self.rbacGroup, path.subresource == nil,
              ["roles", "clusterroles", "rolebindings", "clusterrolebindings"].contains(path.plural) else { return }
        _ = try await request.collectBody(upTo: Self.maxBodySize)
        let format = verb == "patch" ? PatchFormat(contentType: request.headers[.contentType] ?? "") : nil
        let body = try await Self.body(request, yaml: format == .apply)
        let namespace = path.namespace ?? ""
        let name = body["metadata"]?["name"]?.stringValue ?? path.name ?? ""
        let authorizer = await store.rbacAuthorizer()
        let isRole = path.plural.hasSuffix("roles")
        // A JSON patch's result is not known here: changing what it grants needs escalate or bind.
        let touched: Bool
        if format == .json {
            touched = (body.arrayValue ?? []).contains { operation in
                let target = operation["path"]?.stringValue ?? ""
                return ["/rules", "/roleRef", "/aggregationRule"].contains { target.hasPrefix($0) }
            }
        } else {
            touched = body[isRole ? "rules" : "roleRef"] != nil || body["aggregationRule"] != nil
        }
        guard touched else { return }
        let requested: [PolicyRule]
        if isRole {
            if authorizer.authorize(user, RequestAttributes(verb: "escalate", group: Self.rbacGroup, resource: path.plural,
                                                            namespace: namespace, name: name)).allowed { return }
            requested = format == .json ? [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"])] : PolicyRule.rules(of: body)
        } else {
            let roleRef = format == .json ? nil : body["roleRef"]
            let roleKind = roleRef?["kind"]?.stringValue == "Role" ? "roles" : "clusterroles"
            let roleName = roleRef?["name"]?.stringValue ?? ""
            if roleRef != nil, authorizer.authorize(user, RequestAttributes(verb: "bind", group: Self.rbacGroup, resource: roleKind,
                                                                            namespace: namespace, name: roleName)).allowed { return }
            guard let rules = roleRef.flatMap({ authorizer.rules(ofRoleRef: $0, namespace: namespace) }) else {
                let missing = roleRef == nil ? "the role reference cannot be checked" : "\(roleKind).\(Self.rbacGroup) \"\(roleName)\" not found"
                throw SandboxError.api(.forbidden(group: Self.rbacGroup, resource: path.plural, name: name, missing))
            }
            requested = rules
        }
        let held = authorizer.rules(of: user, namespace: namespace)
        let missing = requested.flatMap(\.atoms).filter { atom in !held.contains { $0.covers(atom) } }
        guard !missing.isEmpty else { return }
        let groups = "[" + user.groups.map { "\"\($0)\"" }.joined(separator: " ") + "]"
        let reason = "user \"\(user.name)\" (groups=\(groups)) is attempting to grant RBAC permissions not currently held:\n"
            + missing.map(\.compactDescription).joined(separator: "\n")
        throw SandboxError.api(.forbidden(group: Self.rbacGroup, resource: path.plural, name: name, reason))
    }

    static let rbacGroup = "rbac.authorization.k8s.io"
}
