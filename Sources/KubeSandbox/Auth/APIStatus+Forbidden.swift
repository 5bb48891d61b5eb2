extension APIStatus {
    /// 403 for a request the authorizer denied, worded as the API server words it:
    /// `configmaps is forbidden: User "x" cannot create resource "configmaps" in API group "" in the namespace "y"`.
    static func forbidden(_ user: AuthenticatedUser, _ request: RequestAttributes) -> APIStatus {
        let reason: String
        if !request.isResourceRequest {
            reason = "User \"\(user.name)\" cannot \(request.verb) path \"\(request.path)\""
        } else {
            let scope = request.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(request.namespace)\""
            reason = "User \"\(user.name)\" cannot \(request.verb) resource \"\(request.combinedResource)\" in API group \"\(request.group)\" \(scope)"
        }
        return forbidden(group: request.group, resource: request.resource, name: request.name, reason)
    }

    /// 403 Forbidden naming the resource (`roles.rbac.authorization.k8s.io "x" is forbidden: ...`),
    /// or `forbidden: ...` for a path.
    static func forbidden(group: String, resource: String, name: String, _ reason: String) -> APIStatus {
        let qualified = group.isEmpty ? resource : resource + "." + group
        let subject = qualified.isEmpty ? "" : name.isEmpty ? qualified + " is " : "\(qualified) \"\(name)\" is "
        return APIStatus(code: 403, reason: "Forbidden", message: subject + "forbidden: " + reason,
                         name: name.isEmpty ? nil : name, group: group, kind: resource.isEmpty ? nil : resource)
    }
}
