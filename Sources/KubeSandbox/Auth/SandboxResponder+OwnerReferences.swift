import Hummingbird
import KubeModel

extension SandboxResponder {
    /// The OwnerReferencesPermissionEnforcement admission plugin (`SandboxOptions`): changing an
    /// object's ownerReferences needs `delete` on the object (unless creating it), and setting
    /// `blockOwnerDeletion` on a reference needs `update` on the owner's `finalizers`. Judged from
    /// the request body (create, update, merge and apply patches; JSON patches are not checked).
    func enforceOwnerReferencePermissions(_ request: inout Request, route: APIRoute, verb: String,
                                          user: AuthenticatedUser) async throws {
        guard options.ownerReferencesPermissionEnforcement, !user.isMaster, ["create", "update", "patch"].contains(verb),
              case .resource(let path) = route, path.subresource == nil,
              let type = await store.catalog.find(group: path.group, version: path.version, plural: path.plural) else { return }
        let format = verb == "patch" ? PatchFormat(contentType: request.headers[.contentType] ?? "") : nil
        guard format != .json else { return }
        _ = try await request.collectBody(upTo: Self.maxBodySize)
        let body = try await Self.body(request, yaml: format == .apply)
        guard let references = body["metadata"]?["ownerReferences"]?.arrayValue else { return }
        let namespace = path.namespace ?? ""
        let name = path.name ?? body["metadata"]?["name"]?.stringValue ?? ""
        let old = await store.stored(type, namespace: namespace, name: name)?.value["metadata"]?["ownerReferences"]?.arrayValue
        guard old != references else { return }
        let authorizer = await store.rbacAuthorizer()
        let forbidden = { (reason: String) in
            SandboxError.api(.forbidden(group: type.group, resource: type.plural, name: name, reason))
        }
        if old != nil {
            let delete = RequestAttributes(verb: "delete", group: type.group, resource: type.plural, namespace: namespace, name: name)
            guard authorizer.authorize(user, delete).allowed else { throw forbidden("cannot set an ownerRef on a resource you can't delete: , <nil>") }
        }
        let blocking = Set((old ?? []).filter { $0["blockOwnerDeletion"] == true }.compactMap { $0["uid"]?.stringValue })
        for reference in references where reference["blockOwnerDeletion"] == true {
            guard let uid = reference["uid"]?.stringValue, !blocking.contains(uid) else { continue }
            let apiVersion = reference["apiVersion"]?.stringValue ?? ""
            let kind = reference["kind"]?.stringValue ?? ""
            guard let owner = await store.catalog.types.first(where: { $0.apiVersion == apiVersion && $0.kind == kind }) else {
                throw forbidden("no matches for kind \"\(kind)\" in version \"\(apiVersion)\"")
            }
            let finalizers = RequestAttributes(verb: "update", group: owner.group, resource: owner.plural, subresource: "finalizers",
                                               namespace: owner.namespaced ? namespace : "", name: reference["name"]?.stringValue ?? "")
            guard authorizer.authorize(user, finalizers).allowed else {
                throw forbidden("cannot set blockOwnerDeletion if an ownerReference refers to a resource you can't set finalizers on: , \(reference.jsonText())")
            }
        }
    }
}
