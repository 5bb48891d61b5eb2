import Controller
import Dispatch
import Foundation
import KubeClient
import KubeModel
import Logging
import ServiceLifecycle
import ShipshapeAPI
import Synchronization

/// Runs the operator in this process against generated Microservices in a KubeSandbox running
/// as a separate process (`operator-sandbox`), so every memory figure is the operator's alone:
/// the time until its cache has synced and until every Microservice has its children and status,
/// API requests per Microservice, the cache's objects and their JSON size, and this process's
/// resident and private memory (/proc/self/smaps_rollup) before the operator starts and once idle
/// after convergence; per cached object, the growth of private memory divided by the objects.
enum OperatorBenchmark: Benchmark {
    static let name = "operator"
    static let summary = "[--count 1000] [--namespace-size 100] [--workers 4] [--children operator|seeded]: "
        + "converge generated Microservices in a sandbox process (seeded: their children already exist, as after a restart)"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let count = try options.count("count", default: 1000)
        let namespaceSize = try options.count("namespace-size", default: 100)
        let workers = try options.count("workers", default: 4)
        let children = options.string("children") ?? "operator"
        guard OperatorSandbox.Children(rawValue: children) != nil else {
            throw BenchmarkError(description: "--children takes operator or seeded")
        }
        let sandbox: SandboxProcess
        let seeding = ContinuousClock.now
        do {
            sandbox = try SandboxProcess(arguments: ["--count", "\(count)", "--namespace-size", "\(namespaceSize)", "--children", children])
        } catch {
            throw BenchmarkError(description: "\(error)")
        }
        defer { sandbox.stop() }
        let seeded = Measure.seconds(ContinuousClock.now - seeding)
        let outcome = Mutex<Result<[String], any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            let result: Result<[String], any Error>
            do { result = .success(try await measure(sandbox, count: count, workers: workers, children: children)) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        finished.wait()
        switch outcome.withLock({ $0 }) {
        case .success(let lines)?:
            print(lines[0])
            print("  seeded    \(Measure.format(seeded, digits: 1)) s  (the sandbox process: created, and with seeded children, converged once)")
            lines.dropFirst().forEach { print($0) }
        case .failure(let error)?: throw BenchmarkError(description: "\(error)")
        case nil: throw BenchmarkError(description: "no result")
        }
    }

    private static func measure(_ sandbox: SandboxProcess, count: Int, workers: Int, children: String) async throws -> [String] {
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let before = ProcessMemory.now()
        let shipshape = Operator(client: try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, credentials: .token(sandbox.token)), logger: quiet),
                                 settings: OperatorSettings(workers: workers, identity: "bench"), logger: quiet)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: shipshape.services(after: []), logger: quiet))
        let clock = ContinuousClock()
        let started = clock.now
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            while !shipshape.cache.hasSynced { try await Task.sleep(for: .milliseconds(10)) }
            let synced = clock.now - started
            while shipshape.cache.microservices.withStatusCount < count
                || shipshape.cache.store(.deployment).count < count {
                try await Task.sleep(for: .milliseconds(50))
            }
            let converged = clock.now - started
            while await shipshape.queue.hasWork { try await Task.sleep(for: .milliseconds(50)) }
            let requests = await sandbox.requests()
            try await Task.sleep(for: .seconds(1))
            let idle = ProcessMemory.now()
            // What of it is heap the allocator holds free (freed, not yet given back to the system).
            ProcessMemory.trimHeap()
            let trimmed = ProcessMemory.now()
            let cached = cacheFootprint(shipshape.cache)
            await group.triggerGracefulShutdown()
            let seconds = Measure.seconds(converged)
            let perObject = Double(idle.unshared - before.unshared) / Double(max(cached.objects, 1))
            return [
                "operator: \(count) Microservices, \(workers) workers, children \(children == "seeded" ? "already there" : "created by the operator"), sandbox in its own process",
                "  synced    \(Measure.format(Measure.seconds(synced), digits: 2)) s  (every informer listed once)",
                "  converge  \(Measure.format(seconds, digits: 2)) s  \(Measure.format(Double(count) / seconds)) Microservices/s",
                "  requests  \(requests.total) (\(Measure.format(Double(requests.total) / Double(count), digits: 1)) per Microservice), "
                    + "\(requests.writes) writes (\(Measure.format(Double(requests.writes) / Double(count), digits: 1)) per Microservice)",
                "  cache     \(cached.objects) objects, \(Measure.format(Double(cached.bytes) / Double(max(cached.objects, 1)))) bytes of JSON per object, "
                    + "\(Measure.format(Double(cached.stored) / Double(max(cached.objects, 1)))) bytes stored (deflated)",
                "  memory    before the operator: RSS \(ProcessMemory.mebibytes(before.resident)), private \(ProcessMemory.mebibytes(before.unshared))",
                "            idle 1 s after convergence: RSS \(ProcessMemory.mebibytes(idle.resident)), private \(ProcessMemory.mebibytes(idle.unshared))",
                "            private growth per cached object: \(Measure.format(perObject)) bytes (\(Measure.format(perObject / 1024, digits: 2)) KiB)",
                "            after the bench's own malloc_trim(0): RSS \(ProcessMemory.mebibytes(trimmed.resident)), private \(ProcessMemory.mebibytes(trimmed.unshared))",
            ]
        }
    }

    /// The cached objects, the size of their JSON text, and the bytes the cache keeps of it.
    private static func cacheFootprint(_ cache: ClusterCache) -> (objects: Int, bytes: Int, stored: Int) {
        var objects = 0, bytes = 0, stored = 0
        for kind in ChildKind.allCases {
            for cached in cache.store(kind).compact.values() {
                objects += 1
                bytes += cached.value.jsonText().utf8.count
                stored += cached.storedCount
            }
        }
        for cached in cache.microservices.compact.values() {
            objects += 1
            bytes += cached.value.flatMap { try? JSONValueEncoder().encode($0) }?.jsonText().utf8.count ?? 0
            stored += cached.storedCount
        }
        return (objects, bytes, stored)
    }
}
