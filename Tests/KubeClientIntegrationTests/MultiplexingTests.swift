import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// One client, one HTTPS connection: concurrent watches and requests are HTTP/2 streams.
@Suite struct MultiplexingTests {
    @Test(arguments: Login.allCases)
    func watchesAndRequestsShareOneConnection(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            var watches: [WatchStream<JSONValue>] = []
            for resource in [ResourceType.configMaps, .secrets, .services] {
                watches.append(try await client.resource(resource, namespace: "default").watch())
            }
            #expect(await sandbox.openWatchCount() == 3)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        _ = try await client.resource(ResourceType.configMaps, namespace: "default")
                            .create(Fixtures.configMap("concurrent-\(index)"))
                    }
                }
                try await group.waitForAll()
            }
            let records = await sandbox.requests()
            #expect(records.filter { $0.verb == "watch" }.count == 3)
            // Three watches stay open while six creates run: over HTTP/1.1 that takes several
            // connections; one client port means one connection carrying every stream.
            let ports = Set(records.map(\.clientPort))
            #expect(ports.count == 1, "client ports: \(ports)")
            #expect(ports.first.flatMap { $0 } != nil)
            withExtendedLifetime(watches) {}
        }
    }
}
