import KubeModel

/// What rendering a set of Microservices produced.
public struct RenderOutput: Sendable {
    /// Per Microservice, in input order: ServiceAccount, Service, Deployment,
    /// HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy (those that apply), then the
    /// served extension kinds: PrometheusRule, ServiceMonitor, PeerAuthentication, AuthorizationPolicy.
    public var objects: [RenderedObject]
    /// Things worth a human's attention that did not stop rendering.
    public var warnings: [RenderWarning]
    /// Extension objects asked for whose kinds the cluster does not serve (not a failure).
    public var unserved: [UnservedObject] = []

    public init(objects: [RenderedObject] = [], warnings: [RenderWarning] = []) {
        self.objects = objects
        self.warnings = warnings
    }

    /// The objects as multi-document YAML, documents separated by `---`, as `shipshape render` prints them.
    public func yamlText() -> String {
        JSONValue.yamlText(documents: objects.lazy.map(\.value))
    }
}

/// One rendered Kubernetes object and the Microservice it belongs to.
public struct RenderedObject: Sendable, Hashable {
    /// The owning Microservice's key, `namespace/name`.
    public let owner: String
    /// The object, keys in kubectl's order (apiVersion, kind, metadata, spec).
    public let value: JSONValue

    public init(owner: String, value: JSONValue) {
        self.owner = owner
        self.value = value
    }

    public var apiVersion: String { value["apiVersion"]?.stringValue ?? "" }
    public var kind: String { value["kind"]?.stringValue ?? "" }
    public var name: String { value["metadata"]?["name"]?.stringValue ?? "" }
    public var namespace: String { value["metadata"]?["namespace"]?.stringValue ?? "" }
}

/// A problem found while rendering, in the Microservice's terms.
public struct RenderWarning: Sendable, Hashable, CustomStringConvertible {
    /// The Microservice's key, `namespace/name`.
    public let microservice: String
    /// The field concerned, from the Microservice's root, such as `spec.dependsOn[0].service`.
    public let path: FieldPath
    public let message: String

    public init(microservice: String, path: FieldPath, message: String) {
        self.microservice = microservice
        self.path = path
        self.message = message
    }

    /// `Microservice shop/order-service: spec.dependsOn[0].service: message`.
    public var description: String { "Microservice \(microservice): \(path): \(message)" }
}
