/// A subresource discovery lists for a built-in resource: `status`, `scale`, `pods/exec`, ...
public struct APISubresource: Sendable, Hashable {
    public var name: String
    /// The kind it serves; empty for the resource's own (`status`).
    public var kind: String
    /// The group version of `kind` when it is not the resource's own (`autoscaling/v1` Scale).
    public var groupVersion: String?
    public var verbs: [String]

    init(_ name: String, _ kind: String, in groupVersion: String? = nil, _ verbs: [String]) {
        self.name = name
        self.kind = kind
        self.groupVersion = groupVersion
        self.verbs = verbs
    }

    /// `status`, of the resource's own kind.
    static let status = APISubresource("status", "", ["get", "patch", "update"])
    /// `scale`, an `autoscaling/v1` Scale.
    static let scale = APISubresource("scale", "Scale", in: "autoscaling/v1", ["get", "patch", "update"])

    /// The group and version of the subresource's kind, empty when they are the resource's own.
    var group: String { groupVersion.map { String($0.prefix { $0 != "/" }) } ?? "" }
    var version: String { groupVersion.map { String($0.drop { $0 != "/" }.dropFirst()) } ?? "" }
}
