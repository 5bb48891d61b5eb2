import KubeModel

/// Compute resources for the container.
public struct Resources: Codable, Sendable, Hashable {
    public var requests: ResourceList?
    public var limits: ResourceList?

    public enum CodingKeys: String, CodingKey, CaseIterable { case requests, limits }

    public init(requests: ResourceList? = nil, limits: ResourceList? = nil) {
        self.requests = requests
        self.limits = limits
    }

    static let schema = Schema.object(
        "Compute resources. Requests are what the scheduler reserves; limits cap usage (a memory limit is expected, a CPU limit is optional).",
        keys: CodingKeys.self,
        rules: [
            limitNotBelowRequest("cpu"),
            limitNotBelowRequest("memory"),
        ],
        [
            .requests: ResourceList.schema("Resources reserved for the container."),
            .limits: ResourceList.schema("Upper bounds on the container's usage."),
        ])

    private static func limitNotBelowRequest(_ resource: String) -> CrossFieldRule {
        CrossFieldRule(
            cel: "!has(self.requests) || !has(self.limits) || !has(self.requests.\(resource)) || !has(self.limits.\(resource))"
                + " || quantity(string(self.limits.\(resource))).compareTo(quantity(string(self.requests.\(resource)))) >= 0",
            message: "limits.\(resource) must not be below requests.\(resource)",
            fieldPath: ".limits.\(resource)")
    }
}

/// CPU, memory and ephemeral storage amounts.
public struct ResourceList: Codable, Sendable, Hashable {
    public var cpu: Quantity?
    public var memory: Quantity?
    public var ephemeralStorage: Quantity?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case cpu, memory
        case ephemeralStorage = "ephemeral-storage"
    }

    public init(cpu: Quantity? = nil, memory: Quantity? = nil, ephemeralStorage: Quantity? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
    }

    static func schema(_ description: String) -> Schema {
        .object(description, keys: CodingKeys.self, [
            .cpu: .intOrString("CPU, in cores or millicores (100m = 0.1 core).", format: .quantity),
            .memory: .intOrString("Memory in bytes, with a suffix such as Mi or Gi.", format: .quantity),
            .ephemeralStorage: .intOrString("Local ephemeral storage in bytes.", format: .quantity),
        ])
    }
}
