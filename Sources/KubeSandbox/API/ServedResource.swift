import KubeModel
import KubeSchema

/// One served resource: `deployments` in `apps/v1`, or a CRD's plural in its group version. Its
/// identity (group, version, plural, kind, scope) is KubeModel's `ResourceType`; the rest is what
/// the sandbox serves it with (names, subresources, schema, printer columns).
public struct ServedResource: Sendable, Hashable {
    /// Where the resource lives in the API: group, version, plural resource name, kind, scope.
    public var type: ResourceType
    public var singular: String
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

    init(group: String, version: String, plural: String, singular: String, kind: String, namespaced: Bool,
                shortNames: [String] = [], categories: [String] = [], hasStatus: Bool = false,
                schema: JSONValue? = nil, printerColumns: [JSONValue] = [], deprecationWarning: String? = nil,
                scale: ScaleSubresource? = nil, verbs: [String] = Self.standardVerbs, subresources: [APISubresource] = []) {
        self.type = ResourceType(group: group, version: version, resource: plural, kind: kind, namespaced: namespaced)
        self.singular = singular
        self.shortNames = shortNames
        self.categories = categories
        self.hasStatus = hasStatus
        self.schema = schema
        self.printerColumns = printerColumns
        self.deprecationWarning = deprecationWarning
        self.scale = scale
        self.verbs = verbs
        self.subresources = subresources
    }

    public var group: String { type.group }
    public var version: String { type.version }
    /// The plural, lower-case resource name used in paths.
    public var plural: String { type.resource }
    public var kind: String { type.kind }
    public var namespaced: Bool { type.namespaced }

    /// What a stored resource allows, alphabetically.
    static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    public var apiVersion: String { type.apiVersion }
    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }

    /// Where objects live, whatever version they are served at: `deployments.apps`.
    /// events.k8s.io Events share the core Events' store.
    public var storageKey: String { group == "events.k8s.io" && plural == "events" ? "events" : qualifiedResource }
    /// `deployments.apps` (core: `pods`), as errors name a resource.
    var qualifiedResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// `Deployment.apps` (core: `Pod`), as validation errors name a kind.
    var qualifiedKind: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
