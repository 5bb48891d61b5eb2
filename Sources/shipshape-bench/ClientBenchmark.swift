import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Synchronization

/// The Kubernetes client against an in-process KubeSandbox, over plain HTTP and over HTTPS
/// (HTTP/2): creates ConfigMaps (timed apart), lists them all in pages, then replays their
/// ADDED events through one watch.
enum ClientBenchmark: Benchmark {
    static let name = "client"
    static let summary = "[--count 10000] [--page-size 500] [--concurrency 16]: list and watch objects through the client"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let count = try options.count("count", default: 10_000)
        let pageSize = try options.count("page-size", default: 500)
        let concurrency = try options.count("concurrency", default: 16)
        try blocking {
            print("client: \(count) ConfigMaps, pages of \(pageSize), the sandbox in this process")
            for tls in [false, true] {
                try await measure(tls: tls, count: count, pageSize: pageSize, concurrency: concurrency)
            }
            print("  peak RSS  \(Measure.peakResidentMemory()) (client and sandbox together)")
        }
    }

    private static func measure(tls: Bool, count: Int, pageSize: Int, concurrency: Int) async throws {
        let token = "bench"
        let sandboxOptions = SandboxOptions(tls: tls, tokens: tls ? [token: AuthenticatedUser(name: "bench", groups: ["system:masters"])] : [:],
                                            historyLimit: count + 100, controllers: false)  // the client alone is measured
        try await KubeSandbox.withRunning(sandboxOptions) { sandbox in
            let directory = NSTemporaryDirectory() + "shipshape-bench-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try sandbox.writeKubeconfig(to: directory + "/config", tls ? .token(token) : .admin)
            let configuration = try ClientConfiguration.load(kubeconfig: directory + "/config", environment: [:])
            let configMaps = try KubernetesClient(configuration: configuration).resource(ResourceType.configMaps, namespace: "default")
            let start = try await configMaps.list(ListOptions(limit: 1)).metadata.resourceVersion

            let (_, creating) = try await time { try await create(count, with: configuration, concurrency: concurrency) }
            let (listed, listing) = try await time { try await configMaps.listAll(pageSize: pageSize).items.count }
            let (watched, watching) = try await time { try await replay(count, from: start, of: configMaps) }
            guard listed >= count, watched == count else {
                throw BenchmarkError(description: "listed \(listed) and watched \(watched) of \(count) objects")
            }
            let scheme = tls ? "https (HTTP/2, token)" : "http (HTTP/1.1)"
            print("  \(scheme)")
            print("    create  \(rate(count, creating)) objects/s  (\(concurrency) in flight; setup, not the figure)")
            print("    list    \(rate(listed, listing)) objects/s  (\(Measure.format(Measure.seconds(listing), digits: 3)) s for \(listed))")
            print("    watch   \(rate(watched, watching)) events/s  (\(Measure.format(Measure.seconds(watching), digits: 3)) s for \(watched))")
        }
    }

    /// Creates `count` ConfigMaps with at most `concurrency` requests in flight, with a new
    /// client (a new connection) every `perConnection` objects: an HTTP/2 connection to the
    /// sandbox fails after about 200 POSTs (curl: "Error in the HTTP2 framing layer"; not yet
    /// explained), which this setup steps around.
    private static func create(_ count: Int, with configuration: ClientConfiguration, concurrency: Int,
                               perConnection: Int = 150) async throws {
        var configMaps = try KubernetesClient(configuration: configuration).resource(ResourceType.configMaps, namespace: "default")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                if index >= concurrency { try await group.next() }
                if index > 0, index % perConnection == 0 {
                    try await group.waitForAll()
                    configMaps = try KubernetesClient(configuration: configuration).resource(ResourceType.configMaps, namespace: "default")
                }
                let configMaps = configMaps
                group.addTask {
                    let object: JSONValue = [
                        "apiVersion": "v1", "kind": "ConfigMap",
                        "metadata": ["name": .string("bench-\(index)"), "labels": ["app.kubernetes.io/name": "bench"]],
                        "data": ["index": .string(String(index)), "payload": .string(String(repeating: "x", count: 256))],
                    ]
                    _ = try await configMaps.create(object)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Reads `count` events of a watch started at `version`.
    private static func replay(_ count: Int, from version: String?, of configMaps: ResourceClient<JSONValue>) async throws -> Int {
        var seen = 0
        for try await event in try await configMaps.watch(WatchOptions(resourceVersion: version, allowBookmarks: false)) {
            if event.object != nil { seen += 1 }
            if seen == count { break }
        }
        return seen
    }

    private static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
        let start = ContinuousClock.now
        let result = try await body()
        return (result, ContinuousClock.now - start)
    }

    private static func rate(_ count: Int, _ duration: Duration) -> String {
        Measure.format(Double(count) / Measure.seconds(duration))
    }

    /// Runs `body` on the concurrency pool and waits for it on this (the main) thread.
    private static func blocking(_ body: @escaping @Sendable () async throws -> Void) throws(BenchmarkError) {
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { failure.withLock { $0 = "\(error)" } }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw BenchmarkError(description: message) }
    }
}
