import KubeClient
import KubeModel

/// Where an informer lists and watches: one resource, optionally one namespace and a label
/// selector, as full objects (without managedFields) or metadata only. Tests can supply closures.
public struct ListWatchSource: Sendable {
    /// One page of a list.
    public struct Page: Sendable {
        public var items: [JSONValue]
        public var continueToken: String?
        public var resourceVersion: String

        public init(items: [JSONValue], continueToken: String?, resourceVersion: String) {
            self.items = items
            self.continueToken = continueToken
            self.resourceVersion = resourceVersion
        }
    }

    public typealias Input = WatchMachine<JSONValue>.Input
    /// Lists one page after `continueToken`.
    public typealias List = @Sendable (_ continueToken: String?) async throws -> Page
    /// The inputs of one watch as they arrive: the sequence ends when the watch ends, and throws when it fails.
    public typealias Inputs = any AsyncSequence<Input, any Error>
    /// Opens a watch from `resourceVersion` (throws when the server refuses it).
    public typealias Watch = @Sendable (_ resourceVersion: String) async throws -> Inputs

    /// `deployments.v1.apps in shop`, for logs.
    public let description: String
    /// The namespace listed, or nil for all.
    public let namespace: String?
    let list: List
    let watch: Watch

    public init(description: String, namespace: String?, list: @escaping List, watch: @escaping Watch) {
        self.description = description
        self.namespace = namespace
        self.list = list
        self.watch = watch
    }

    /// Full objects of `resource`, `managedFields` dropped.
    public static func objects(_ client: KubernetesClient, _ resource: ResourceType, namespace: String?,
                               labelSelector: String? = nil, pageSize: Int = 500, watchTimeoutSeconds: Int = 290) -> ListWatchSource {
        let resources = client.resource(resource, namespace: namespace)
        return ListWatchSource(
            description: describe(resource, namespace), namespace: namespace,
            list: { token in
                let page = try await resources.list(ListOptions(labelSelector: labelSelector, limit: pageSize, continueToken: token))
                return Page(items: page.items.map(trimmed), continueToken: page.metadata.continueToken,
                            resourceVersion: page.metadata.resourceVersion ?? "")
            },
            watch: { version in
                let options = WatchOptions(labelSelector: labelSelector, resourceVersion: version, timeoutSeconds: watchTimeoutSeconds)
                return try await resources.watch(options).map { input($0, trimmed) }
            })
    }

    /// The metadata of `resource`'s objects only (name, namespace, uid, resourceVersion), never
    /// their data: Secrets and ConfigMaps watched for rotation.
    public static func metadata(_ client: KubernetesClient, _ resource: ResourceType, namespace: String?,
                                pageSize: Int = 500, watchTimeoutSeconds: Int = 290) -> ListWatchSource {
        let resources = client.resource(resource, namespace: namespace)
        return ListWatchSource(
            description: describe(resource, namespace) + " (metadata)", namespace: namespace,
            list: { token in
                let page = try await resources.listMetadata(ListOptions(limit: pageSize, continueToken: token))
                return Page(items: page.items.map(essentials), continueToken: page.metadata.continueToken,
                            resourceVersion: page.metadata.resourceVersion ?? "")
            },
            watch: { version in
                let options = WatchOptions(resourceVersion: version, timeoutSeconds: watchTimeoutSeconds)
                return try await resources.watchMetadata(options).map { input($0, essentials) }
            })
    }

    private static func describe(_ resource: ResourceType, _ namespace: String?) -> String {
        "\(resource)" + (namespace.map { " in \($0)" } ?? "")
    }

    private static func input<Object>(_ event: WatchEvent<Object>, _ convert: (Object) -> JSONValue) -> Input {
        switch event {
        case .added(let object):
            let value = convert(object)
            return .added(value, resourceVersion: value.resourceVersion)
        case .modified(let object):
            let value = convert(object)
            return .modified(value, resourceVersion: value.resourceVersion)
        case .deleted(let object):
            let value = convert(object)
            return .deleted(value, resourceVersion: value.resourceVersion)
        case .bookmark(let bookmark):
            return .bookmark(resourceVersion: bookmark.resourceVersion)
        }
    }

    /// The object without `metadata.managedFields`, which the reconciler never reads.
    public static func trimmed(_ object: JSONValue) -> JSONValue {
        var object = object
        object["metadata"]?["managedFields"] = nil
        return object
    }

    static func essentials(_ object: PartialObjectMetadata) -> JSONValue {
        var metadata = JSONObject()
        metadata["name"] = object.metadata.name.map(JSONValue.string)
        metadata["namespace"] = object.metadata.namespace.map(JSONValue.string)
        metadata["uid"] = object.metadata.uid.map(JSONValue.string)
        metadata["resourceVersion"] = object.metadata.resourceVersion.map(JSONValue.string)
        return ["metadata": .object(metadata)]
    }
}

extension JSONValue {
    /// `metadata.resourceVersion`, or "" when absent.
    public var resourceVersion: String { self["metadata"]?["resourceVersion"]?.stringValue ?? "" }

    /// The namespace and name from the metadata.
    public var objectKey: ObjectKey {
        ObjectKey(namespace: self["metadata"]?["namespace"]?.stringValue ?? "", name: self["metadata"]?["name"]?.stringValue ?? "")
    }
}
