/// `autoscaling/v2` HorizontalPodAutoscaler: scales a workload's replicas between bounds.
public struct HorizontalPodAutoscaler: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.horizontalPodAutoscalers
    public var apiVersion = "autoscaling/v2"
    public var kind = "HorizontalPodAutoscaler"
    public var metadata: ObjectMeta
    public var spec: HorizontalPodAutoscalerSpec

    public init(metadata: ObjectMeta, spec: HorizontalPodAutoscalerSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// `autoscaling/v2` HorizontalPodAutoscalerSpec.
public struct HorizontalPodAutoscalerSpec: Codable, Sendable, Hashable {
    public var scaleTargetRef: CrossVersionObjectReference
    /// API default 1.
    public var minReplicas: Int?
    public var maxReplicas: Int
    /// API default: 80% average CPU utilization.
    public var metrics: [MetricSpec]?

    public init(scaleTargetRef: CrossVersionObjectReference, minReplicas: Int? = nil, maxReplicas: Int,
                metrics: [MetricSpec]? = nil) {
        self.scaleTargetRef = scaleTargetRef
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
    }
}

/// `autoscaling/v2` CrossVersionObjectReference: the scaled workload.
public struct CrossVersionObjectReference: Codable, Sendable, Hashable {
    public var kind: String
    public var name: String
    public var apiVersion: String?

    public init(kind: String, name: String, apiVersion: String? = nil) {
        self.kind = kind
        self.name = name
        self.apiVersion = apiVersion
    }
}

/// `autoscaling/v2` MetricSpec: `type` names which source is set (Shipshape writes `Resource`).
public struct MetricSpec: Codable, Sendable, Hashable {
    public var type: String
    public var resource: ResourceMetricSource?

    public init(type: String, resource: ResourceMetricSource? = nil) {
        self.type = type
        self.resource = resource
    }
}

/// `autoscaling/v2` ResourceMetricSource: a resource (`cpu`, `memory`) of the pods, averaged.
public struct ResourceMetricSource: Codable, Sendable, Hashable {
    public var name: String
    public var target: MetricTarget

    public init(name: String, target: MetricTarget) {
        self.name = name
        self.target = target
    }
}

/// `autoscaling/v2` MetricTarget: `Utilization` (percent of requests), `Value` or `AverageValue`.
public struct MetricTarget: Codable, Sendable, Hashable {
    public var type: String
    public var value: Quantity?
    public var averageValue: Quantity?
    public var averageUtilization: Int?

    public init(type: String, averageUtilization: Int? = nil) {
        self.type = type
        self.averageUtilization = averageUtilization
    }
}
