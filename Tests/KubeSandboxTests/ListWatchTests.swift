import KubeModel
import KubeSandbox
import Testing

@Suite struct ListWatchTests {
    let base = "/api/v1/namespaces/default/configmaps"

    func seed(_ client: SandboxClient) async throws {
        let labels: [(String, JSONValue)] = [
            ("a", ["app": "web", "tier": "front"]), ("b", ["app": "web", "tier": "back"]),
            ("c", ["app": "db"]), ("d", ["app": "cache", "canary": "true"]), ("e", [:]),
        ]
        for (name, label) in labels {
            #expect(try await client.post(base, Fixtures.configMap(name, labels: label)).status == 201)
        }
    }

    func names(_ response: APIResponse) -> [String] {
        response.json["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } ?? []
    }

    @Test func labelAndFieldSelectors() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(controllers: false)) { sandbox in  // no kube-root-ca.crt ConfigMaps
            let client = SandboxClient(sandbox)
            try await seed(client)
            #expect(names(try await client.get("\(base)?labelSelector=app%3Dweb")) == ["a", "b"])
            #expect(names(try await client.get("\(base)?labelSelector=app==web,tier!=back")) == ["a"])
            #expect(names(try await client.get("\(base)?labelSelector=app+in+(db,cache)")) == ["c", "d"])
            #expect(names(try await client.get("\(base)?labelSelector=app%20notin%20(web)")) == ["c", "d", "e"])
            #expect(names(try await client.get("\(base)?labelSelector=canary")) == ["d"])
            #expect(names(try await client.get("\(base)?labelSelector=!app")) == ["e"])
            #expect(names(try await client.get("\(base)?fieldSelector=metadata.name%3Dc")) == ["c"])
            #expect(names(try await client.get("/api/v1/configmaps?fieldSelector=metadata.namespace!=default")).isEmpty)
            #expect(try await client.get("\(base)?labelSelector=a%20in%20b").status == 400)
        }
    }

    @Test func paginationWithContinueAndRemainingCount() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(controllers: false)) { sandbox in  // no kube-root-ca.crt ConfigMaps
            let client = SandboxClient(sandbox)
            try await seed(client)
            let first = try await client.get("\(base)?limit=2")
            #expect(names(first) == ["a", "b"])
            #expect(first.json["metadata"]?["remainingItemCount"] == 3)
            let token = try #require(first.json["metadata"]?["continue"]?.stringValue)
            let second = try await client.get("\(base)?limit=2&continue=\(token)")
            #expect(names(second) == ["c", "d"])
            let last = try await client.get("\(base)?limit=2&continue=\(second.json["metadata"]?["continue"]?.stringValue ?? "")")
            #expect(names(last) == ["e"])
            #expect(last.json["metadata"]?["continue"] == nil)
            #expect(first.json["metadata"]?["resourceVersion"]?.stringValue == String(await sandbox.resourceVersion()))

            #expect(try await client.post(base, Fixtures.configMap("f")).status == 201)
            await sandbox.compactHistory()
            let expired = try await client.get("\(base)?limit=2&continue=\(token)")
            #expect(expired.status == 410)
            #expect(expired.json["reason"] == "Expired")
        }
    }

    @Test func watchReplaysFromAResourceVersionThenStreamsAndBookmarks() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("before")).status == 201)
            let listRV = try #require(try await client.get(base).json["metadata"]?["resourceVersion"]?.stringValue)
            #expect(try await client.post(base, Fixtures.configMap("missed")).status == 201)

            var events = try await client.watch("\(base)?watch=1&resourceVersion=\(listRV)&allowWatchBookmarks=true")
            #expect(events.status == 200)
            let replayed = try #require(try await events.next())
            #expect(replayed["type"] == "ADDED")
            #expect(replayed["object"]?["metadata"]?["name"] == "missed")

            #expect(try await client.mergePatch("\(base)/before", ["data": ["key": "new"]]).status == 200)
            let modified = try #require(try await events.next())
            #expect(modified["type"] == "MODIFIED")
            #expect(modified["object"]?["data"]?["key"] == "new")

            #expect(try await client.delete("\(base)/missed").status == 200)
            #expect(try await events.next()?["type"] == "DELETED")

            await sandbox.sendBookmarks()
            let bookmark = try #require(try await events.next())
            #expect(bookmark["type"] == "BOOKMARK")
            #expect(bookmark["object"]?["metadata"]?["resourceVersion"]?.stringValue == String(await sandbox.resourceVersion()))

            await sandbox.dropWatches()
            #expect(try await events.next() == nil)
        }
    }

    @Test func watchWithoutResourceVersionStartsWithTheCurrentState() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            try await seed(client)
            var events = try await client.watch("\(base)?watch=true&labelSelector=app%3Dweb")
            let initial = try await events.next(2)
            #expect(initial.map { $0["object"]?["metadata"]?["name"]?.stringValue } == ["a", "b"])
            // A label change moves "c" into the selector: the watch sees it as ADDED.
            #expect(try await client.mergePatch("\(base)/c", ["metadata": ["labels": ["app": "web"]]]).status == 200)
            let moved = try #require(try await events.next())
            #expect(moved["type"] == "ADDED")
            #expect(moved["object"]?["metadata"]?["name"] == "c")
        }
    }

    @Test func watchFromACompactedResourceVersionIsGone() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let old = try #require(try await client.post(base, Fixtures.configMap("x")).json["metadata"]?["resourceVersion"]?.stringValue)
            #expect(try await client.post(base, Fixtures.configMap("y")).status == 201)
            await sandbox.compactHistory()
            var events = try await client.watch("\(base)?watch=1&resourceVersion=\(old)")
            let error = try #require(try await events.next())
            #expect(error["type"] == "ERROR")
            #expect(error["object"]?["code"] == 410)
            #expect(error["object"]?["reason"] == "Expired")
            #expect(try await events.next() == nil)
        }
    }

    @Test func watchTimeoutEndsTheStream() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            var events = try await client.watch("\(base)?watch=1&resourceVersion=\(await sandbox.resourceVersion())&timeoutSeconds=1")
            #expect(try await events.next() == nil)
            #expect(await sandbox.openWatchCount() == 0)
        }
    }

    @Test func metadataOnlyResponsesCarryNoSecretData() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let secret: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"], "data": ["password": "c2VjcmV0"]]
            #expect(try await client.post("/api/v1/namespaces/default/secrets", secret).status == 201)
            let list = try await client.get("/api/v1/namespaces/default/secrets",
                                             accept: "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json")
            #expect(list.json["kind"] == "PartialObjectMetadataList")
            #expect(list.json["items"]?.arrayValue?.first?["metadata"]?["name"] == "db")
            #expect(!list.text.contains("c2VjcmV0"))
            let one = try await client.get("/api/v1/namespaces/default/secrets/db", accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1")
            #expect(one.json["kind"] == "PartialObjectMetadata")
            #expect(one.json["data"] == nil)
            var events = try await client.watch("/api/v1/namespaces/default/secrets?watch=1",
                                                accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1")
            let added = try #require(try await events.next())
            #expect(added["object"]?["kind"] == "PartialObjectMetadata")
            #expect(added["object"]?["data"] == nil)
            let table = try await client.get("/api/v1/namespaces/default/secrets", accept: "application/json;as=Table;g=meta.k8s.io;v=v1")
            #expect(table.json["kind"] == "Table")
            #expect(!table.text.contains("c2VjcmV0"), "a Secret's Table counts its data and shows none of it")
            #expect(try await client.get("/api/v1/namespaces/default/secrets", accept: "application/json;as=Table;g=meta.k8s.io;v=v2").status == 406)
        }
    }
}
