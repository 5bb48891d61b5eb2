/// `apps/v1` Deployment: a replicated, rolling-updated set of pods.
public struct Deployment: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.deployments
    public var apiVersion = "apps/v1"
    public var kind = "Deployment"
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec

    public init(metadata: ObjectMeta, spec: DeploymentSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `apps/v1` DeploymentSpec. Fields are declared (and so encoded) with the long pod template
/// last, as Deployments are written by hand.
public struct DeploymentSpec: Codable, Sendable, Hashable {
    /// Desired pods; omit it when a HorizontalPodAutoscaler owns the count.
    public var replicas: Int?
    /// Immutable after creation; must match the template's labels.
    public var selector: LabelSelector
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int?
    /// Old ReplicaSets kept for rollback (API default 10).
    public var revisionHistoryLimit: Int?
    public var progressDeadlineSeconds: Int?
    public var paused: Bool?
    public var template: PodTemplateSpec

    public init(replicas: Int? = nil, selector: LabelSelector, strategy: DeploymentStrategy? = nil,
                revisionHistoryLimit: Int? = nil, template: PodTemplateSpec) {
        self.replicas = replicas
        self.selector = selector
        self.strategy = strategy
        self.revisionHistoryLimit = revisionHistoryLimit
        self.template = template
    }
}

/// `apps/v1` DeploymentStrategy: `RollingUpdate` (with parameters) or `Recreate`.
public struct DeploymentStrategy: Codable, Sendable, Hashable {
    public var type: String?
    public var rollingUpdate: RollingUpdateDeployment?

    public init(type: String? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// `apps/v1` RollingUpdateDeployment: a count or a percentage for each bound.
public struct RollingUpdateDeployment: Codable, Sendable, Hashable {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?

    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}
