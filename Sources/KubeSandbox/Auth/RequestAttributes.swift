/// What a request asks to do, as the API server's authorizers see it (`authorizer.Attributes`):
/// a verb on a resource (group, resource, subresource, namespace, name) or on a path.
struct RequestAttributes: Sendable, Hashable {
    var verb: String
    var isResourceRequest: Bool
    var group = ""
    var resource = ""
    var subresource = ""
    var namespace = ""
    var name = ""
    /// The URL path of a non-resource request.
    var path = ""

    /// A resource request.
    init(verb: String, group: String, resource: String, subresource: String = "", namespace: String = "", name: String = "") {
        self.verb = verb
        self.isResourceRequest = true
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
    }

    /// A non-resource request: the HTTP method, lowercased, on a path.
    init(verb: String, path: String) {
        self.verb = verb
        self.isResourceRequest = false
        self.path = path
    }

    /// The attributes of an HTTP request. Resource requests use the Kubernetes verb (list, watch
    /// and deletecollection on collections); a namespace's own path is in that namespace, as the
    /// real server has it; a list or watch whose field selector is `metadata.name=NAME` names
    /// NAME; everything else (discovery, /version, /healthz) is a path.
    init(method: String, path: String, route: APIRoute?, verb: String, fieldSelector: String? = nil) {
        guard case .resource(let resourcePath)? = route, verb != "other" else {
            self.init(verb: method.lowercased(), path: path)
            return
        }
        var namespace = resourcePath.namespace ?? ""
        if resourcePath.group.isEmpty, resourcePath.plural == "namespaces", let name = resourcePath.name {
            namespace = name
        }
        var name = resourcePath.name ?? ""
        if ["list", "watch"].contains(verb), let selector = fieldSelector, !selector.contains(",") {
            for prefix in ["metadata.name==", "metadata.name="] where selector.hasPrefix(prefix) {
                name = String(selector.dropFirst(prefix.count))
                break
            }
        }
        self.init(verb: verb, group: resourcePath.group, resource: resourcePath.plural,
                  subresource: resourcePath.subresource ?? "", namespace: namespace, name: name)
    }

    /// `configmaps`, or `deployments/status` with a subresource.
    var combinedResource: String { subresource.isEmpty ? resource : resource + "/" + subresource }
}
