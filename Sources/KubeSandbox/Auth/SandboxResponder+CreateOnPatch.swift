import Hummingbird

extension SandboxResponder {
    /// A server-side apply that would create its object needs `create` as well as `patch`, as the
    /// real server authorizes a create through patch: 403 `deployments.apps "web" is forbidden: `
    /// when the user may only patch.
    func authorizeCreateOnPatch(_ request: Request, route: APIRoute, verb: String, user: AuthenticatedUser) async throws(SandboxError) {
        guard verb == "patch", !user.isMaster, case .resource(let path) = route, let name = path.name, path.subresource == nil,
              PatchFormat(contentType: request.headers[.contentType] ?? "") == .apply,
              let type = await store.catalog.find(group: path.group, version: path.version, plural: path.plural),
              await store.stored(type, namespace: path.namespace ?? "", name: name) == nil else { return }
        let create = RequestAttributes(verb: "create", group: path.group, resource: path.plural, namespace: path.namespace ?? "", name: name)
        guard !(await store.rbacAuthorizer().authorize(user, create).allowed) else { return }
        throw .api(.forbidden(group: path.group, resource: path.plural, name: name, ""))
    }
}
