import Foundation
import KubeClient
import KubeModel
import Testing

/// `shipshape dev --data-dir` through the built binary: kill -9 while writes are in flight loses
/// no acknowledged write, a restart keeps every object with its resourceVersion, the kubeconfig
/// and a watch from before the kill keep working, and a data directory is used by one process
/// at a time and never silently replaced when damaged.
@Suite(.serialized, .timeLimit(.minutes(3))) struct DevPersistenceTests {
    static let microservices = ResourceType(group: "shipshape.dev", version: "v1alpha1", resource: "microservices", kind: "Microservice",
                                            namespaced: true)

    static func configMap(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["written": .string(name)]]
    }

    static func resourceVersion(_ object: JSONValue) -> Int {
        object["metadata"]?["resourceVersion"]?.stringValue.flatMap { Int($0) } ?? -1
    }

    /// Starts `shipshape dev --data-dir data` on the shop and waits until it serves.
    static func start(_ data: String) async throws -> DevProcess {
        let process = try DevProcess(["--data-dir", data])
        try await process.waitForOutput("serving until interrupted")
        return process
    }

    @Test func aKill9LosesNoAcknowledgedWriteAndARestartGoesOnWhereItStopped() async throws {
        let directory = try DevCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data").path
        let first = try await Self.start(data)
        // The kubeconfig as exported before the kill: it must keep working after the restart.
        let client = try KubernetesClient(configuration: .load(kubeconfig: data + "/kubeconfig", environment: [:]))
        let configMaps = client.resource(.configMaps, namespace: "default")
        let microservices = try await client.resource(Self.microservices).list().items
            .map { ($0["metadata"]?["name"]?.stringValue ?? "", Self.resourceVersion($0)) }
        let start = Self.resourceVersion(try await configMaps.create(Self.configMap("before-the-writes")))

        // Four writers create ConfigMaps until the process dies; it is killed right after the
        // 60th acknowledged write, while the other writers' requests are in flight.
        let killAfter = 60
        let acknowledged = AcknowledgedWrites()
        let pid = first.processIdentifier
        await withTaskGroup(of: Void.self) { writers in
            for writer in 0..<4 {
                writers.addTask {
                    for index in 0..<500 {
                        let name = "written-\(writer)-\(index)"
                        guard let created = try? await configMaps.create(Self.configMap(name)) else { return }
                        let count = await acknowledged.record(name, Self.resourceVersion(created))
                        if count == killAfter { kill(pid, SIGKILL) }
                    }
                }
            }
        }
        #expect(await first.stop(SIGKILL) == SIGKILL, "killed by the signal")
        let written = await acknowledged.versions
        #expect(written.count >= killAfter)

        let second = try await Self.start(data)
        do {
            try await expectRestarted(client, written: written, microservices: microservices, start: start)
        } catch {
            _ = await second.stop()
            throw error
        }
        #expect(await second.stop() == 0)
    }

    /// After the restart: every acknowledged write with its resourceVersion, the shop not
    /// rewritten, new writes newer than all, and a watch from `start` replaying what came after.
    private func expectRestarted(_ client: KubernetesClient, written: [String: Int], microservices: [(String, Int)],
                                 start: Int) async throws {
        let configMaps = client.resource(.configMaps, namespace: "default")
        for (name, version) in written {
            let stored = try await configMaps.get(name)
            #expect(Self.resourceVersion(stored) == version, "\(name)")
        }
        // Re-applying the shop on the restart rewrote none of it.
        let reapplied = try await client.resource(Self.microservices).list().items
            .map { ($0["metadata"]?["name"]?.stringValue ?? "", Self.resourceVersion($0)) }
        #expect(reapplied.map(\.0) == microservices.map(\.0))
        #expect(reapplied.map(\.1) == microservices.map(\.1))

        let listed = try await configMaps.list()
        let newest = listed.items.map(Self.resourceVersion).max() ?? 0
        let after = Self.resourceVersion(try await configMaps.create(Self.configMap("after-the-restart")))
        #expect(after > newest)
        #expect(after > written.values.max() ?? 0)

        // A watch from a resourceVersion acknowledged before the kill gets every later change.
        var expected = Set(written.keys).union(["after-the-restart"])
        let events = try await configMaps.watch(WatchOptions(resourceVersion: String(start), allowBookmarks: false, timeoutSeconds: 30))
        var versions: [Int] = []
        for try await event in events {
            guard case .added(let object) = event, let name = object["metadata"]?["name"]?.stringValue else { continue }
            versions.append(Self.resourceVersion(object))
            expected.remove(name)
            if expected.isEmpty { break }
        }
        #expect(expected.isEmpty, "no ADDED event for \(expected.sorted().prefix(5))")
        #expect(versions == versions.sorted() && versions.allSatisfy { $0 > start })
    }

    @Test func aSecondDevOnADataDirectoryInUseFailsNamingIt() async throws {
        let directory = try DevCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data").path
        let first = try await Self.start(data)
        let second = try await CLIRun.run(["dev", "--once", "--data-dir", data])
        #expect(await first.stop() == 0)
        #expect(second.status == 3)
        #expect(second.standardError.contains("shipshape dev: --data-dir: data directory \(data) is in use by another process (pid \(first.processIdentifier))"),
                "\(second.standardError)")
    }

    @Test func aDamagedDatabaseIsAnErrorNamingTheFileAndIsLeftAsItIs() async throws {
        let directory = try DevCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sandbox.sqlite")
        let damaged = Data(repeating: 0x42, count: 4096)
        try damaged.write(to: file)
        let run = try await CLIRun.run(["dev", "--once", "--data-dir", directory.path])
        #expect(run.status == 3)
        #expect(run.standardError.contains("shipshape dev: --data-dir: cannot read \(file.path): file is not a database"), "\(run.standardError)")
        #expect(!run.standardOutput.contains("NAMESPACE"), "nothing was served")
        #expect(try Data(contentsOf: file) == damaged)
    }
}

/// The writes the API server acknowledged, with the resourceVersion each got.
private actor AcknowledgedWrites {
    var versions: [String: Int] = [:]

    /// Records a write; returns how many there are.
    func record(_ name: String, _ resourceVersion: Int) -> Int {
        versions[name] = resourceVersion
        return versions.count
    }
}
