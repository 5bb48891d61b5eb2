import KubeModel

extension ResourceType {
    /// `/api/v1` for the core group, `/apis/GROUP/VERSION` otherwise.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The path of the collection (no `name`) or of one object, optionally a subresource:
    /// `/apis/apps/v1/namespaces/shop/deployments/web/status`. A nil namespace on a namespaced
    /// resource addresses all namespaces (for list and watch).
    public func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
        var path = groupVersionPath
        if namespaced, let namespace { path += "/namespaces/" + PercentEncoding.encode(namespace) }
        path += "/" + resource
        if let name {
            path += "/" + PercentEncoding.encode(name)
            if let subresource { path += "/" + subresource }
        }
        return path
    }
}
