import KubeModel

extension PodDisruptionBudget {
    /// A budget whenever more than one replica can run: `availability`'s bound, or at most one
    /// pod down. Unhealthy pods may always be evicted, so a broken rollout never blocks a drain.
    init?(rendering context: RenderContext) {
        guard context.mostReplicas > 1 else { return nil }
        let availability = context.spec.availability
        let minAvailable = availability?.minAvailable
        let maxUnavailable = minAvailable == nil ? availability?.maxUnavailable ?? .int(RenderPolicy.maxUnavailablePods) : nil
        self.init(metadata: context.metadata(), spec: PodDisruptionBudgetSpec(
            minAvailable: minAvailable, selector: context.podSelector, maxUnavailable: maxUnavailable,
            unhealthyPodEvictionPolicy: "AlwaysAllow"))
    }
}
