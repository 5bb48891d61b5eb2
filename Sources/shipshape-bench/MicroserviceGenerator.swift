import KubeModel
import ShipshapeAPI

/// Deterministic, varied Microservices in namespaces of a given size, with dependsOn edges
/// within each namespace, some across namespaces, and CIDR dependencies.
struct MicroserviceGenerator {
    let namespaceSize: Int

    /// `count` Microservices, grouped by namespace in order (namespace `ns-0` first).
    func generate(_ count: Int) -> [Microservice] {
        var random = SplitMix64(seed: 0x5417_5a4e)
        return (0..<count).map { microservice(index: $0, random: &random) }
    }

    private func microservice(index: Int, random: inout SplitMix64) -> Microservice {
        let namespaceIndex = index / namespaceSize, position = index % namespaceSize
        let name = "svc-\(position)", namespace = "ns-\(namespaceIndex)"
        var spec = MicroserviceSpec(image: "registry.example.com/\(namespace)/\(name):1.\(random.next(20)).\(random.next(10))")
        var ports = [ServicePort(name: "http", port: 8080)]
        if position % 3 == 0 { ports.append(ServicePort(name: "grpc", port: 50051, protocol: .grpc)) }
        if position % 2 == 0 { ports.append(ServicePort(name: "metrics", port: 9090)) }
        spec.ports = ports
        spec.env = (0..<(3 + random.next(6))).map { EnvVar(name: "SETTING_\($0)", value: "value-\(random.next(1000))") }
        if position % 4 == 0 { spec.configFrom = [ConfigSource(configMap: "\(name)-config")] }
        spec.secrets = [SecretReference(env: "DATABASE_URL", secret: "\(name)-db", key: "url")]
            + (position % 5 == 0 ? [SecretReference(envFrom: "\(name)-keys")] : [])
            + (position % 7 == 0 ? [SecretReference(secret: "\(name)-tls", mountPath: "/var/run/tls")] : [])
        spec.resources = Resources(requests: ResourceList(cpu: Quantity("\(50 * (1 + random.next(8)))m"), memory: Quantity("128Mi")),
                                   limits: ResourceList(memory: Quantity("256Mi")))
        let grpc = ports.contains { $0.name == "grpc" }
        spec.probes = Probes(
            liveness: Probe(http: HTTPCheck(path: "/healthz", port: .string("http"))),
            readiness: grpc ? Probe(grpc: GRPCCheck(port: .string("grpc"))) : Probe(http: HTTPCheck(path: "/ready", port: .string("http"))),
            startup: position % 6 == 0 ? Probe(http: HTTPCheck(path: "/healthz", port: .string("http"))) : nil)
        if position % 3 == 1 {
            spec.autoscaling = Autoscaling(maxReplicas: 3 + random.next(10), cpuUtilization: 60 + random.next(30))
        } else {
            spec.replicas = 1 + random.next(4)
        }
        if position % 4 == 0 { spec.availability = Availability(minAvailable: .int(1)) }
        spec.dependsOn = dependencies(position: position, namespaceIndex: namespaceIndex, random: &random)
        if position % 8 == 0 { spec.ingress = IngressPolicy(fromNamespaces: ["ingress-nginx"]) }
        spec.observability = Observability(
            metrics: position % 2 == 0 ? MetricsEndpoint(port: "metrics") : nil,
            tracing: position % 2 == 1 ? Tracing(endpoint: "http://otel-collector.observability:4317") : nil)
        return Microservice(metadata: ObjectMeta(name: name, namespace: namespace, labels: ["app.kubernetes.io/part-of": namespace]),
                            spec: spec)
    }

    /// Up to three earlier services of the namespace, every tenth a service of the previous
    /// namespace, every fifth a database range.
    private func dependencies(position: Int, namespaceIndex: Int, random: inout SplitMix64) -> [Dependency] {
        var dependencies: [Dependency] = []
        if position > 0 {
            for _ in 0..<min(position, 1 + random.next(3)) {
                let target = random.next(position)
                dependencies.append(Dependency(service: "svc-\(target)", port: random.next(2) == 0 ? .string("http") : nil))
            }
        }
        if position % 10 == 0, namespaceIndex > 0 {
            dependencies.append(Dependency(service: "svc-\(random.next(namespaceSize))", namespace: "ns-\(namespaceIndex - 1)",
                                           port: .string("http")))
        }
        if position % 5 == 0 { dependencies.append(Dependency(cidr: "10.20.0.0/16", ports: [5432])) }
        return dependencies
    }
}

/// SplitMix64: a small, fast, seedable generator, so every run generates the same set.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A value in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
