import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// Pagination, metadata-only reads and watches against a live sandbox.
@Suite struct ListWatchTests {
    @Test(arguments: Login.allCases)
    func listAllWalksEveryPage(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let names = (0..<23).map { "page-\($0 < 10 ? "0" : "")\($0)" }
            for name in names { _ = try await configMaps.create(Fixtures.configMap(name, labels: ["set": "paging"])) }
            await sandbox.clearRequests()

            let all = try await configMaps.listAll(ListOptions(labelSelector: "set=paging"), pageSize: 5)
            #expect(all.items.compactMap { $0["metadata"]?["name"]?.stringValue } == names)
            #expect(all.metadata.resourceVersion?.isEmpty == false)
            let lists = await sandbox.requests().filter { $0.verb == "list" }
            #expect(lists.count == 5)
            #expect(lists.allSatisfy { $0.query.contains("limit=5") })
            #expect(lists.dropFirst().allSatisfy { $0.query.contains("continue=") })
        }
    }

    @Test(arguments: Login.allCases)
    func secretsAreListedAndWatchedWithoutTheirData(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let secrets = client.resource(ResourceType.secrets, namespace: "default")
            _ = try await secrets.create(Fixtures.secret("db", value: "hunter2"))
            let list = try await secrets.listMetadata()
            #expect(list.items.map(\.metadata.name) == ["db"])
            #expect(list.items.allSatisfy { $0.kind == "PartialObjectMetadata" && $0.apiVersion == "meta.k8s.io/v1" })
            let version = try #require(list.metadata.resourceVersion)

            let stream = try await secrets.watchMetadata(WatchOptions(resourceVersion: version))
            _ = try await secrets.create(Fixtures.secret("api-key", value: "s3cret"))
            var iterator = stream.makeAsyncIterator()
            guard case .added(let added) = try await iterator.next() else {
                Issue.record("the new Secret arrives as ADDED")
                return
            }
            #expect(added.metadata.name == "api-key")
            #expect(added.kind == "PartialObjectMetadata")

            let reads = await sandbox.requests().filter { $0.verb == "list" || $0.verb == "watch" }
            #expect(reads.map(\.verb) == ["list", "watch"])
            #expect(reads[0].accept?.hasPrefix("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1") == true)
            #expect(reads[1].accept?.hasPrefix("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1") == true)
            let full = try await secrets.get("db")
            #expect(full["data"]?["password"] != nil, "the full object has data; the metadata views above had none")
        }
    }

    @Test(arguments: Login.allCases)
    func aWatchResumesFromAResourceVersionWithoutMissingOrRepeatingEvents(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let start = try #require(try await configMaps.list().metadata.resourceVersion)
            for name in ["c1", "c2", "c3"] { _ = try await configMaps.create(Fixtures.configMap(name)) }

            var first = try await configMaps.watch(WatchOptions(resourceVersion: start)).makeAsyncIterator()
            var seen: [String] = []
            var resumeFrom = start
            for _ in 0..<2 {
                let event = try #require(try await first.next())
                seen.append(describe(event))
                resumeFrom = try #require(event.object?["metadata"]?["resourceVersion"]?.stringValue)
            }
            _ = try await configMaps.patch("c1", mergePatch: ["data": ["key": "changed"]])
            _ = try await configMaps.delete("c2")

            var second = try await configMaps.watch(WatchOptions(resourceVersion: resumeFrom)).makeAsyncIterator()
            for _ in 0..<3 { seen.append(describe(try #require(try await second.next()))) }
            await sandbox.sendBookmarks()
            guard case .bookmark = try await second.next() else {
                Issue.record("nothing but the bookmark follows the replayed events")
                return
            }
            #expect(seen == ["ADDED c1", "ADDED c2", "ADDED c3", "MODIFIED c1", "DELETED c2"])
        }
    }

    @Test(arguments: Login.allCases)
    func compactedHistoryIsGone(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            for index in 0..<3 { _ = try await configMaps.create(Fixtures.configMap("old-\(index)")) }
            let page = try await configMaps.list(ListOptions(limit: 1))
            let start = try #require(page.metadata.resourceVersion)
            _ = try await configMaps.create(Fixtures.configMap("new"))
            await sandbox.compactHistory()

            var watch = try await configMaps.watch(WatchOptions(resourceVersion: start)).makeAsyncIterator()
            await expectGone { _ = try await watch.next() }
            let token = try #require(page.metadata.continueToken)
            await expectGone { _ = try await configMaps.list(ListOptions(limit: 1, continueToken: token)) }
        }
    }

    @Test(arguments: Login.allCases)
    func aWatchTheServerDropsEndsTheSequence(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let start = try #require(try await configMaps.list().metadata.resourceVersion)
            var watch = try await configMaps.watch(WatchOptions(resourceVersion: start)).makeAsyncIterator()
            _ = try await configMaps.create(Fixtures.configMap("before-drop"))
            #expect(try await watch.next().map(describe) == "ADDED before-drop")

            await sandbox.dropWatches()
            #expect(try await watch.next() == nil, "a watch the server ends is a finished sequence, not an error")
            #expect(try await watch.next() == nil)
            #expect(await sandbox.openWatchCount() == 0)
        }
    }

    private func describe(_ event: WatchEvent<JSONValue>) -> String {
        let name = event.object?["metadata"]?["name"]?.stringValue ?? ""
        switch event {
        case .added: return "ADDED \(name)"
        case .modified: return "MODIFIED \(name)"
        case .deleted: return "DELETED \(name)"
        case .bookmark(let bookmark): return "BOOKMARK \(bookmark.resourceVersion)"
        }
    }

    private func expectGone(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await body()
            Issue.record("expected 410 Gone", sourceLocation: sourceLocation)
        } catch let error as KubeError {
            #expect(error.isGone, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected KubeError.gone, got \(error)", sourceLocation: sourceLocation)
        }
    }
}
