import KubeModel
import KubeSandbox
import Testing

/// What watchers see when an object with finalizers is deleted.
@Suite struct WatchDeletionTests {
    let base = "/api/v1/namespaces/default/configmaps"

    @Test func removingTheLastFinalizerDeletesTheLastStoredState() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let rv = await sandbox.resourceVersion()
            var events = try await client.watch("\(base)?watch=true&resourceVersion=\(rv)")
            var held = Fixtures.configMap("held")
            held["metadata"]?["finalizers"] = ["example.com/hold"]
            #expect(try await client.post(base, held).status == 201)
            #expect(try await client.delete("\(base)/held").status == 200)
            let released = try await client.mergePatch("\(base)/held", ["metadata": ["finalizers": nil]])
            #expect(released.status == 200)
            #expect(released.json["metadata"]?["finalizers"] == nil)

            let seen = try await events.next(3)
            #expect(seen.map { $0["type"] } == ["ADDED", "MODIFIED", "DELETED"])
            // The API server deletes instead of storing the update: the event has the finalizer still.
            let deleted = seen.last?["object"]?["metadata"]
            #expect(deleted?["finalizers"] == ["example.com/hold"])
            #expect(deleted?["deletionTimestamp"] != nil)
            #expect(deleted?["resourceVersion"] == released.json["metadata"]?["resourceVersion"])
        }
    }
}
