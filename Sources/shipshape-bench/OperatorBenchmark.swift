import Controller
import Dispatch
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Logging
import ServiceLifecycle
import ShipshapeAPI
import Synchronization

/// Converges generated Microservices in a KubeSandbox with the operator in-process: the time
/// until every Microservice has its children and status, API requests per Microservice, the
/// cache's size per object (its JSON), and the process's resident memory once idle (sandbox
/// included: both live in this process).
enum OperatorBenchmark: Benchmark {
    static let name = "operator"
    static let summary = "[--count 1000] [--namespace-size 100] [--workers 4]: converge generated Microservices in a sandbox"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let count = try options.count("count", default: 1000)
        let namespaceSize = try options.count("namespace-size", default: 100)
        let workers = try options.count("workers", default: 4)
        let outcome = Mutex<Result<[String], any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            let result: Result<[String], any Error>
            do { result = .success(try await measure(count: count, namespaceSize: namespaceSize, workers: workers)) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        finished.wait()
        switch outcome.withLock({ $0 }) {
        case .success(let lines)?: lines.forEach { print($0) }
        case .failure(let error)?: throw BenchmarkError(description: "\(error)")
        case nil: throw BenchmarkError(description: "no result")
        }
    }

    private static func measure(count: Int, namespaceSize: Int, workers: Int) async throws -> [String] {
        var microservices = MicroserviceGenerator(namespaceSize: namespaceSize).generate(count)
        for index in microservices.indices { microservices[index].spec.checklist = ChecklistSettings(mode: .warn) }
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        // The operator alone is measured: no Deployment controller making ReplicaSets and Pods.
        var options = SandboxOptions(historyLimit: 200_000, controllers: false)
        // One Service per Microservice: more than the API server's default /24 holds.
        options.serviceNetwork = ServiceNetwork(cidr: "10.0.0.0/16") ?? .default
        return try await KubeSandbox.withRunning(options) { sandbox in
            let client = try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, credentials: .token(sandbox.adminToken)), logger: quiet)
            _ = try await client.resource(.customResourceDefinitions).create(try CustomResourceDefinition.microservices())
            for namespace in Set(microservices.map(\.namespace)) {
                _ = try await client.resource(.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]])
            }
            for microservice in microservices {
                _ = try await client.resource(.microservices, namespace: microservice.namespace).create(try JSONValueEncoder().encode(microservice))
            }
            await sandbox.clearRequests()
            let rssBefore = residentMemory()
            let shipshape = Operator(client: try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, credentials: .token(sandbox.adminToken)), logger: quiet),
                                     settings: OperatorSettings(workers: workers, identity: "bench"), logger: quiet)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: shipshape.services(after: []), logger: quiet))
            let clock = ContinuousClock()
            let started = clock.now
            return try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                defer { tasks.cancelAll() }
                while shipshape.cache.microservices.values().filter({ $0.status?.observedGeneration != nil }).count < count
                    || shipshape.cache.store(.deployment).count < count {
                    try await Task.sleep(for: .milliseconds(50))
                }
                let converged = clock.now - started
                while await shipshape.queue.hasWork { try await Task.sleep(for: .milliseconds(50)) }
                let requests = await sandbox.requests()
                try await Task.sleep(for: .seconds(1))
                let cached = cacheFootprint(shipshape.cache)
                await group.triggerGracefulShutdown()
                let writes = requests.filter(\.isWrite).count
                let seconds = Measure.seconds(converged)
                return [
                    "operator: \(count) Microservices in \(Set(microservices.map(\.namespace)).count) namespaces, \(workers) workers",
                    "  converge  \(Measure.format(seconds, digits: 2)) s  \(Measure.format(Double(count) / seconds)) Microservices/s",
                    "  requests  \(requests.count) (\(Measure.format(Double(requests.count) / Double(count), digits: 1)) per Microservice), "
                        + "\(writes) writes (\(Measure.format(Double(writes) / Double(count), digits: 1)) per Microservice)",
                    "  cache     \(cached.objects) objects, \(Measure.format(Double(cached.bytes) / Double(max(cached.objects, 1)))) bytes of JSON per object",
                    "  RSS       \(rssBefore) before the operator, \(residentMemory()) idle 1 s after convergence (sandbox included)",
                ]
            }
        }
    }

    private static func cacheFootprint(_ cache: ClusterCache) -> (objects: Int, bytes: Int) {
        var objects = 0, bytes = 0
        for kind in ChildKind.allCases {
            for value in cache.store(kind).values() {
                objects += 1
                bytes += value.jsonText().utf8.count
            }
        }
        for microservice in cache.microservices.values() {
            objects += 1
            bytes += ((try? JSONValueEncoder().encode(microservice))?.jsonText().utf8.count) ?? 0
        }
        return (objects, bytes)
    }

    /// VmRSS from /proc/self/status.
    private static func residentMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "unknown" }
        return Measure.format(kilobytes / 1024, digits: 1) + " MiB"
    }
}
