/// `policy/v1` PodDisruptionBudget: bounds voluntary disruptions (drains, evictions).
public struct PodDisruptionBudget: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.podDisruptionBudgets
    public var apiVersion = "policy/v1"
    public var kind = "PodDisruptionBudget"
    public var metadata: ObjectMeta
    public var spec: PodDisruptionBudgetSpec

    public init(metadata: ObjectMeta, spec: PodDisruptionBudgetSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `policy/v1` PodDisruptionBudgetSpec: set minAvailable or maxUnavailable, not both.
public struct PodDisruptionBudgetSpec: Codable, Sendable, Hashable {
    public var minAvailable: IntOrString?
    public var selector: LabelSelector?
    public var maxUnavailable: IntOrString?
    /// `IfHealthyBudget` (the API's default) or `AlwaysAllow` (unready pods never block a drain).
    public var unhealthyPodEvictionPolicy: String?

    public init(minAvailable: IntOrString? = nil, selector: LabelSelector? = nil, maxUnavailable: IntOrString? = nil,
                unhealthyPodEvictionPolicy: String? = nil) {
        self.minAvailable = minAvailable
        self.selector = selector
        self.maxUnavailable = maxUnavailable
        self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
    }
}
