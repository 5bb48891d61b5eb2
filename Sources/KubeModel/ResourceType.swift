/// Where a kind of object lives in the Kubernetes API: its group, version and plural resource
/// name, its kind, and whether its objects belong to a namespace.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (`v1`).
    public var group: String
    public var version: String
    /// The plural, lower-case resource name used in paths (`deployments`).
    public var resource: String
    public var kind: String
    public var namespaced: Bool

    public init(group: String, version: String, resource: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.resource = resource
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `apps/v1`, or just `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// kubectl's fully qualified spelling: `deployments.v1.apps`, `pods.v1.`.
    public var description: String { "\(resource).\(version).\(group)" }
}


extension ResourceType {
    /// An item of a list of this resource as a standalone object. The API server leaves `kind`
    /// and `apiVersion` out of the items of a built-in kind's list (watch events carry them), so
    /// they are filled in from the resource, as client-go's dynamic client does.
    public func standalone(_ item: JSONValue) -> JSONValue {
        var object = item
        if object["kind"]?.stringValue == nil { object["kind"] = .string(kind) }
        if object["apiVersion"]?.stringValue == nil { object["apiVersion"] = .string(apiVersion) }
        return object
    }
}
