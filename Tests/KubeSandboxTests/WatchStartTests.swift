import KubeModel
import KubeSandbox
import Testing

/// How a watch starts: initial events, the initial-events-end bookmark, the legacy watch path.
@Suite struct WatchStartTests {
    let base = "/api/v1/namespaces/default/configmaps"
    /// No controllers: nothing but the test writes ConfigMaps (no published kube-root-ca.crt).
    static let quiet = SandboxOptions(controllers: false)

    @Test func initialEventsEndWithABookmarkWhenBookmarksAreAllowed() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("a")).status == 201)
            for query in ["watch=true&allowWatchBookmarks=true", "watch=true&resourceVersion=0&allowWatchBookmarks=true",
                          "watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true"] {
                var events = try await client.watch("\(base)?\(query)")
                let first = try await events.next(2)
                #expect(first.map { $0["type"] } == ["ADDED", "BOOKMARK"], "\(query)")
                #expect(first.last?["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"] == "true")
            }
            // Without allowWatchBookmarks the initial events are followed directly by changes.
            var events = try await client.watch("\(base)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan")
            #expect(try await events.next()?["type"] == "ADDED")
            #expect(try await client.post(base, Fixtures.configMap("b")).status == 201)
            let next = try #require(try await events.next())
            #expect(next["type"] == "ADDED")
            #expect(next["object"]?["metadata"]?["name"] == "b")
        }
    }

    @Test func legacyWatchPathStreamsEvents() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            let rv = await sandbox.resourceVersion()
            var events = try await client.watch("/api/v1/watch/namespaces/default/configmaps?resourceVersion=\(rv)")
            #expect(events.status == 200)
            #expect(try await client.post(base, Fixtures.configMap("w")).status == 201)
            let event = try #require(try await events.next())
            #expect(event["type"] == "ADDED")
            #expect(event["object"]?["kind"] == "ConfigMap")
        }
    }

    @Test func aResourceVersionFromBeforeTheSandboxStartedIsGone() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            var events = try await client.watch("\(base)?watch=true&resourceVersion=1")
            let error = try #require(try await events.next())
            #expect(error["type"] == "ERROR")
            #expect(error["object"]?["code"] == 410)
        }
    }
}
