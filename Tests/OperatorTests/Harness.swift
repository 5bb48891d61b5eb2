import Controller
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import KubeSchema
import Logging
import ServiceLifecycle
import ShipshapeAPI
import Testing

/// Waits until `condition` holds, checking every few milliseconds, for at most `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(15), sourceLocation: SourceLocation = #_sourceLocation,
                _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
    throw HarnessError.timeout(what)
}

enum HarnessError: Error { case timeout(String) }

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Kubernetes OpenAPI documents, beside the repository as CI clones it.
    static let schemas: OpenAPISchemas? = try? OpenAPISchemas(
        directory: root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)

    static func crd() throws -> JSONValue {
        let path = root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let object = try SourceReader.objects(in: text, file: path).first else { throw HarnessError.timeout("a CRD in \(path)") }
        return object.value
    }

    /// A Microservice that passes the checklist (enforce mode).
    static func microservice(_ name: String, namespace: String = "shop", replicas: Int = 2, dependsOn: [String] = [],
                             extra: JSONObject = [:]) -> JSONValue {
        var spec: JSONObject = [
            "image": .string("registry.example.com/shop/\(name):1.0.0"),
            "replicas": .integer(replicas),
            "ports": [["name": "http", "port": 8080]],
            "resources": ["requests": ["cpu": "50m", "memory": "64Mi"], "limits": ["memory": "128Mi"]],
            "probes": ["readiness": ["http": ["path": "/ready", "port": "http"]], "liveness": ["http": ["path": "/healthz", "port": "http"]]],
        ]
        if !dependsOn.isEmpty { spec["dependsOn"] = .array(dependsOn.map { ["service": .string($0), "port": "http"] }) }
        for (key, value) in extra { spec[key] = value }
        return [
            "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "spec": .object(spec),
        ]
    }
}

/// A sandbox with the CRD and a namespace, a client for the test, and an operator running in
/// a ServiceGroup until the body returns.
struct Harness {
    let sandbox: KubeSandbox
    let client: KubernetesClient
    let namespace = "shop"

    static func logger(_ label: String = "test") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["SHIPSHAPE_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }

    /// Starts a sandbox with the CRD and namespace `shop`, and runs `body`. The sandbox's own
    /// controllers are off by default: `rollOut` plays the Deployment controller.
    static func withSandbox<T>(_ options: SandboxOptions = SandboxOptions(schemas: Fixtures.schemas, controllers: false),
                               _ body: (Harness) async throws -> T) async throws -> T {
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = try makeClient(sandbox)
            _ = try await client.resource(KubeModel.ResourceType.customResourceDefinitions).create(try Fixtures.crd())
            _ = try await client.resource(KubeModel.ResourceType.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            return try await body(Harness(sandbox: sandbox, client: client))
        }
    }

    static func makeClient(_ sandbox: KubeSandbox) throws -> KubernetesClient {
        try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, credentials: .token(sandbox.adminToken)), logger: logger("client"))
    }

    /// An operator for this sandbox (its own client, as another process would have).
    func makeOperator(identity: String = "operator-0", leaderElection: OperatorSettings.LeaseSettings? = nil,
                      workers: Int = 4, secretRotation: Bool = true) throws -> Operator {
        let client = try Self.makeClient(sandbox)
        let settings = OperatorSettings(namespaces: nil, workers: workers, shutdownTimeout: .seconds(5), identity: identity,
                                        leaderElection: leaderElection, secretRotation: secretRotation)
        return Operator(client: client, settings: settings, logger: Self.logger(identity))
    }

    /// Runs `shipshape` (in-process) while `body` runs, then shuts it down gracefully.
    func withOperator<T>(_ shipshape: Operator? = nil, _ body: (Operator) async throws -> T) async throws -> T {
        let shipshape = try shipshape ?? makeOperator()
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: shipshape.services(after: []), logger: Self.logger()))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let result = try await body(shipshape)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    // MARK: reading and writing the sandbox

    func resource(_ type: KubeModel.ResourceType) -> ResourceClient<JSONValue> { client.resource(type, namespace: namespace) }

    func create(_ microservice: JSONValue) async throws {
        _ = try await resource(.microservices).create(microservice)
    }

    func mergePatch(_ name: String, _ patch: JSONValue) async throws {
        _ = try await resource(.microservices).patch(name, mergePatch: patch)
    }

    func get(_ type: KubeModel.ResourceType, _ name: String) async throws -> JSONValue? {
        do { return try await resource(type).get(name) } catch let error as KubeError where error.isNotFound { return nil }
    }

    func status(_ name: String) async throws -> JSONValue? { try await get(.microservices, name)?["status"] }

    /// Every child kind's object named `name` exists.
    func childrenExist(_ name: String, kinds: [ChildKind]) async throws -> Bool {
        for kind in kinds where try await get(kind.resource, name) == nil { return false }
        return true
    }

    /// Writes since the last `clearRequests`, as `VERB path`.
    func writes(excludingEvents: Bool = true) async -> [String] {
        await sandbox.requests().filter(\.isWrite)
            .filter { !excludingEvents || !$0.path.contains("/events") }
            .map { "\($0.verb) \($0.path)" }
    }

    /// Waits until the operator has nothing left to do (queue idle, cache caught up) and the
    /// sandbox saw no write for a little while.
    func settle(_ shipshape: Operator) async throws {
        var lastCount = -1
        var quietRounds = 0
        try await eventually("the operator to settle", timeout: .seconds(20)) {
            let count = await sandbox.requests().filter(\.isWrite).count
            let idle = await !shipshape.queue.hasWork
            quietRounds = (count == lastCount && idle) ? quietRounds + 1 : 0
            lastCount = count
            return quietRounds >= 8
        }
    }

    /// Reports a Deployment rolled out, as the deployment controller would.
    func rollOut(_ name: String, replicas: Int, ready: Int? = nil, progressing: JSONValue? = nil) async throws {
        let generation = try await get(.deployments, name)?["metadata"]?["generation"]?.intValue ?? 1
        let ready = ready ?? replicas
        var conditions: [JSONValue] = [[
            "type": "Available", "status": .string(ready >= replicas ? "True" : "False"), "reason": "MinimumReplicasAvailable",
            "message": "ok", "lastTransitionTime": "2025-01-01T00:00:00Z", "lastUpdateTime": "2025-01-01T00:00:00Z",
        ]]
        if let progressing { conditions.append(progressing) }
        let status: JSONValue = [
            "observedGeneration": .integer(generation), "replicas": .integer(replicas), "updatedReplicas": .integer(replicas),
            "readyReplicas": .integer(ready), "availableReplicas": .integer(ready), "conditions": .array(conditions),
        ]
        _ = try await resource(.deployments).patchStatus(name, mergePatch: ["status": status])
    }
}

extension JSONValue {
    func condition(_ type: String) -> JSONValue? {
        self["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
}
