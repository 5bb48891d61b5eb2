import KubeModel
import ShipshapeAPI

/// Turns Microservices into the Kubernetes objects that run them. Pure: no I/O, no clock, no
/// randomness; the same input gives byte-identical output.
public struct Renderer: Sendable {
    /// Microservice key (`namespace/name`) -> uid. A known uid gives children a controller ownerReference.
    public var ownerUIDs: [String: String]
    /// `Secret/namespace/name` or `ConfigMap/namespace/name` -> resourceVersion. The versions of
    /// what a Microservice references are hashed into its pod template, so a rotation rolls the pods.
    public var referenceVersions: [String: String]
    /// The extension kinds served (PrometheusRule, ServiceMonitor, Istio's) and the mesh defaults.
    public var extensions: ExtensionOptions

    public init(ownerUIDs: [String: String] = [:], referenceVersions: [String: String] = [:],
                extensions: ExtensionOptions = ExtensionOptions()) {
        self.ownerUIDs = ownerUIDs
        self.referenceVersions = referenceVersions
        self.extensions = extensions
    }

    /// Renders a namespace's worth (or several namespaces) of Microservices together, so each
    /// NetworkPolicy admits the Microservices that depend on it. A Microservice whose key repeats
    /// an earlier one is skipped with a warning.
    public func render(_ microservices: [Microservice]) -> RenderOutput {
        let peers = PeerIndex(microservices)
        var output = RenderOutput()
        var rendered = Set<String>()
        for microservice in microservices {
            guard rendered.insert(microservice.key).inserted else {
                output.warnings.append(RenderWarning(
                    microservice: microservice.key, path: FieldPath.root.key("metadata").key("name"),
                    message: "repeats an earlier Microservice of the same namespace and name; only the first is rendered"))
                continue
            }
            let context = RenderContext(
                microservice: microservice, peers: peers, ownerUID: ownerUIDs[microservice.key],
                referenceVersions: referenceVersions)
            render(context, into: &output)
        }
        return output
    }

    private func render(_ context: RenderContext, into output: inout RenderOutput) {
        var warnings: [RenderWarning] = []
        append(ServiceAccount(rendering: context), of: context, to: &output)
        append(Service(rendering: context), of: context, to: &output)
        append(Deployment(rendering: context, warnings: &warnings), of: context, to: &output)
        append(HorizontalPodAutoscaler(rendering: context), of: context, to: &output)
        append(PodDisruptionBudget(rendering: context), of: context, to: &output)
        append(NetworkPolicy(rendering: context, warnings: &warnings), of: context, to: &output)
        renderExtensions(context, into: &output, warnings: &warnings)
        output.warnings += warnings
    }

    /// The object built as a JSON value directly (the same value `JSONValueEncoder` gives).
    private func append(_ object: (some KubernetesObject & JSONValueConvertible)?, of context: RenderContext, to output: inout RenderOutput) {
        guard let object else { return }
        output.objects.append(RenderedObject(owner: context.key, value: object.jsonValue))
    }
}
