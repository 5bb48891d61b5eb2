import KubeModel
import ShipshapeAPI

extension HorizontalPodAutoscaler {
    /// An autoscaling/v2 HPA over the Deployment when `autoscaling` is set: CPU utilization
    /// (the default target when no metric is given) and memory utilization when set.
    init?(rendering context: RenderContext) {
        guard let autoscaling = context.spec.autoscaling else { return nil }
        let cpu = autoscaling.cpuUtilization ?? (autoscaling.memoryUtilization == nil ? Defaults.cpuUtilization : nil)
        let targets: [(String, Int?)] = [("cpu", cpu), ("memory", autoscaling.memoryUtilization)]
        let metrics = targets.compactMap { resource, utilization in
            utilization.map {
                MetricSpec(type: "Resource", resource: ResourceMetricSource(
                    name: resource, target: MetricTarget(type: "Utilization", averageUtilization: $0)))
            }
        }
        self.init(metadata: context.metadata(), spec: HorizontalPodAutoscalerSpec(
            scaleTargetRef: CrossVersionObjectReference(kind: "Deployment", name: context.name, apiVersion: "apps/v1"),
            minReplicas: autoscaling.minReplicas ?? Defaults.minReplicas,
            maxReplicas: autoscaling.maxReplicas,
            metrics: metrics))
    }
}
