import KubeModel

/// Horizontal autoscaling; when set, the HorizontalPodAutoscaler owns the replica count.
public struct Autoscaling: Codable, Sendable, Hashable {
    public var minReplicas: Int?
    public var maxReplicas: Int
    public var cpuUtilization: Int?
    public var memoryUtilization: Int?

    public enum CodingKeys: String, CodingKey, CaseIterable { case minReplicas, maxReplicas, cpuUtilization, memoryUtilization }

    public init(minReplicas: Int? = nil, maxReplicas: Int, cpuUtilization: Int? = nil, memoryUtilization: Int? = nil) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.cpuUtilization = cpuUtilization
        self.memoryUtilization = memoryUtilization
    }

    static let schema = Schema.object(
        "Horizontal autoscaling (autoscaling/v2). With no metric given, targets 80% CPU.",
        keys: CodingKeys.self, required: [.maxReplicas],
        rules: [
            CrossFieldRule(
                cel: "self.maxReplicas >= (has(self.minReplicas) ? self.minReplicas : \(Defaults.minReplicas))",
                message: "maxReplicas must be at least minReplicas", fieldPath: ".maxReplicas"),
        ],
        [
            .minReplicas: .integer("Fewest replicas (default \(Defaults.minReplicas)).", min: 1, max: 1000, default: Defaults.minReplicas),
            .maxReplicas: .integer("Most replicas.", min: 1, max: 1000),
            .cpuUtilization: .integer("Target average CPU utilization, percent of the request.", min: 1, max: 100),
            .memoryUtilization: .integer("Target average memory utilization, percent of the request.", min: 1, max: 100),
        ])
}

/// Disruption budget and spreading.
public struct Availability: Codable, Sendable, Hashable {
    public var minAvailable: IntOrString?
    public var maxUnavailable: IntOrString?
    public var spreadAcrossZones: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable { case minAvailable, maxUnavailable, spreadAcrossZones }

    public init(minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil, spreadAcrossZones: Bool? = nil) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.spreadAcrossZones = spreadAcrossZones
    }

    static let schema = Schema.object(
        "How many replicas must stay up during voluntary disruptions, and how they spread. A PodDisruptionBudget is rendered whenever more than one replica can run (default maxUnavailable 1).",
        keys: CodingKeys.self,
        rules: [
            CrossFieldRule(
                cel: "!(has(self.minAvailable) && has(self.maxUnavailable))",
                message: "set minAvailable or maxUnavailable, not both"),
        ],
        [
            .minAvailable: .intOrString("Replicas (or a percentage such as 50%) that must stay available."),
            .maxUnavailable: .intOrString("Replicas (or a percentage) that may be unavailable at once."),
            .spreadAcrossZones: .boolean("Spread replicas across zones as well as nodes (default true).", default: true),
        ])
}

/// Graceful shutdown: keep serving while endpoints drain, then stop within the grace period.
public struct Shutdown: Codable, Sendable, Hashable {
    public var gracePeriodSeconds: Int?
    public var preStopSleepSeconds: Int?

    public enum CodingKeys: String, CodingKey, CaseIterable { case gracePeriodSeconds, preStopSleepSeconds }

    public init(gracePeriodSeconds: Int? = nil, preStopSleepSeconds: Int? = nil) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preStopSleepSeconds = preStopSleepSeconds
    }

    static let schema = Schema.object(
        "Graceful shutdown: a preStop sleep while load balancers stop sending traffic, then SIGTERM within the grace period.",
        keys: CodingKeys.self,
        rules: [
            CrossFieldRule(
                cel: "(has(self.gracePeriodSeconds) ? self.gracePeriodSeconds : \(Defaults.gracePeriodSeconds))"
                    + " > (has(self.preStopSleepSeconds) ? self.preStopSleepSeconds : \(Defaults.preStopSleepSeconds))",
                message: "gracePeriodSeconds must be longer than preStopSleepSeconds", fieldPath: ".gracePeriodSeconds"),
        ],
        [
            .gracePeriodSeconds: .integer("Seconds from the start of shutdown (preStop, then SIGTERM) to SIGKILL (default \(Defaults.gracePeriodSeconds)).",
                                          min: 1, max: 3600, default: Defaults.gracePeriodSeconds),
            .preStopSleepSeconds: .integer("Seconds to keep serving before SIGTERM, while endpoints drain (default \(Defaults.preStopSleepSeconds)).",
                                           min: 0, max: 3600, default: Defaults.preStopSleepSeconds),
        ])
}
