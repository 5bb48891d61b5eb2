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
        let objects: [(any KubernetesObject)?] = [
            ServiceAccount(rendering: context),
            Service(rendering: context),
            Deployment(rendering: context, warnings: &warnings),
            HorizontalPodAutoscaler(rendering: context),
            PodDisruptionBudget(rendering: context),
            NetworkPolicy(rendering: context, warnings: &warnings),
        ]
        for case let object? in objects {
            do {
                output.objects.append(RenderedObject(owner: context.key, value: try JSONValueEncoder().encode(object)))
            } catch {
                warnings.append(context.warning(at: .root, "could not encode the \(type(of: object).resourceType.kind): \(error)"))
            }
        }
        renderExtensions(context, into: &output, warnings: &warnings)
        output.warnings += warnings
    }
}
