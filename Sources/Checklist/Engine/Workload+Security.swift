import KubeModel

/// A security context and where it is written.
struct SecurityContextSite {
    let path: FieldPath
    let value: JSONValue
    /// The container, or nil for the pod-level context.
    let container: Container?
}

extension Workload {
    /// The pod's security context followed by every container's (init and ephemeral included),
    /// for controls that PSS checks the same way at both levels.
    var securityContextSites: [SecurityContextSite] {
        [SecurityContextSite(path: podSecurityContextPath, value: podSecurityContext, container: nil)]
            + containers().map { SecurityContextSite(path: $0.securityContextPath, value: $0.securityContext, container: $0) }
    }
}
