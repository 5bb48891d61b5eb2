import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// Injected throttling and delays: what the client retries, and how fast it gives up when asked.
@Suite struct RetryCancellationTests {
    @Test(arguments: Login.allCases)
    func throttledReadsAreRetriedAfterRetryAfter(login: Login) async throws {
        let sleeps = RecordedSleeps()
        try await withSandboxClient(login, sleeps: sleeps) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            _ = try await configMaps.create(Fixtures.configMap("throttled"))
            await sandbox.failNext(2, status: 429, retryAfterSeconds: 3, method: "GET", pathContains: "/throttled")

            #expect(try await configMaps.get("throttled")["metadata"]?["name"] == "throttled")
            let gets = await sandbox.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/throttled") }
            #expect(gets.map(\.status) == [429, 429, 200])
            #expect(sleeps.recorded == [.seconds(3), .seconds(3)], "Retry-After decides the wait")
        }
    }

    @Test(arguments: Login.allCases)
    func throttledCreatesAreRetriedAfterRetryAfter(login: Login) async throws {
        // A 429 was never processed (priority and fairness, a restarting server's storage), so
        // even a create is sent again, as client-go does.
        let sleeps = RecordedSleeps()
        try await withSandboxClient(login, sleeps: sleeps) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            await sandbox.failNext(1, status: 429, retryAfterSeconds: 1, method: "POST")
            _ = try await configMaps.create(Fixtures.configMap("once"))
            #expect(await sandbox.requests().filter { $0.method == "POST" }.count == 2)
            #expect(sleeps.recorded == [.seconds(1)])
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: Login.allCases)
    func cancellingARequestInFlightReturnsPromptly(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            await sandbox.delayResponses(by: .seconds(30), method: "GET", pathContains: "/slow")
            let request = Task { try await configMaps.get("slow") }
            await sandbox.waitForDelayedRequest()

            let cancelled = ContinuousClock.now
            request.cancel()
            let result = await request.result
            #expect(ContinuousClock.now - cancelled < .seconds(5))
            switch result {
            case .success: Issue.record("a cancelled request does not succeed")
            case .failure(let error): #expect(error as? KubeError == .cancelled)
            }
            await sandbox.clearFaults()
            let remaining = try await configMaps.list().items
            #expect(remaining.compactMap { $0["metadata"]?["name"]?.stringValue } == ["kube-root-ca.crt"],
                    "the client still works after a cancellation")
        }
    }
}
