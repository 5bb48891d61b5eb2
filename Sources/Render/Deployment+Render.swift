import KubeModel
import ShipshapeAPI

extension Deployment {
    /// The Deployment: replicas unless an HPA owns them, the stable selector, surge-only rolling
    /// updates, and the pod template.
    init(rendering context: RenderContext, warnings: inout [RenderWarning]) {
        let spec = context.spec
        let template = PodTemplateSpec(
            metadata: ObjectMeta(labels: context.labels, annotations: Self.podAnnotations(context)),
            spec: PodSpec(rendering: context, warnings: &warnings))
        self.init(metadata: context.metadata(), spec: DeploymentSpec(
            replicas: spec.autoscaling == nil ? spec.replicas ?? Defaults.replicas : nil,
            selector: context.podSelector,
            strategy: DeploymentStrategy(type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(
                maxUnavailable: .int(RenderPolicy.maxUnavailable), maxSurge: .string(RenderPolicy.maxSurge))),
            revisionHistoryLimit: RenderPolicy.revisionHistoryLimit,
            template: template))
    }

    /// Prometheus scrape annotations for `observability.metrics`, and the config hash when
    /// referenced versions are known; nil when there are none.
    private static func podAnnotations(_ context: RenderContext) -> [String: String]? {
        var annotations: [String: String] = [:]
        if let metrics = context.spec.observability?.metrics,
           let port = context.spec.ports?.first(where: { $0.name == metrics.port }) {
            annotations["prometheus.io/scrape"] = "true"
            annotations["prometheus.io/port"] = String(port.port)
            annotations["prometheus.io/path"] = metrics.path ?? Defaults.metricsPath
        }
        let references = ConfigHash.references(of: context.spec, namespace: context.namespace)
        if let hash = ConfigHash.value(for: references, versions: context.referenceVersions) {
            annotations[RenderPolicy.configHashAnnotation] = hash
        }
        return annotations.isEmpty ? nil : annotations
    }
}
