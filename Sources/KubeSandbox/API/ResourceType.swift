import KubeModel
import KubeSchema

/// One served resource: `deployments` in `apps/v1`, or a CRD's plural in its group version.
public struct ResourceType: Sendable, Hashable {
    public var group: String
    public var version: String
    public var plural: String
    public var singular: String
    public var kind: String
    public var namespaced: Bool
    public var shortNames: [String] = []
    public var categories: [String] = []
    /// Served with a `/status` subresource: main writes ignore status, status writes only status.
    public var hasStatus: Bool = false
    /// For a CRD: the version's `openAPIV3Schema`; built-in kinds use the OpenAPI documents.
    public var schema: JSONValue? = nil
    /// For a CRD: the version's `additionalPrinterColumns`, served as kubectl's Table view.
    public var printerColumns: [JSONValue] = []
    /// For a CRD's deprecated version: the warning every answer from it carries.
    public var deprecationWarning: String? = nil
    /// For a CRD version with a scale subresource: where its replicas live.
    public var scale: ScaleSubresource? = nil

    /// The verbs the resource is served with (the subresources have their own).
    public var verbs: [String] = Self.standardVerbs
    /// For a built-in resource: every subresource discovery lists (CRDs': `status` and `scale`).
    public var subresources: [APISubresource] = []

    /// What a stored resource allows, alphabetically.
    static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }

    /// Where objects live, whatever version they are served at: `deployments.apps`.
    /// events.k8s.io Events share the core Events' store.
    public var storageKey: String { group == "events.k8s.io" && plural == "events" ? "events" : qualifiedResource }
    /// `deployments.apps` (core: `pods`), as errors name a resource.
    var qualifiedResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// `Deployment.apps` (core: `Pod`), as validation errors name a kind.
    var qualifiedKind: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
