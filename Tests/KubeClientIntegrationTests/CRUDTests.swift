import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// Create, read, update and delete over HTTPS, logged in with a client certificate or a token.
@Suite struct CRUDTests {
    @Test(arguments: Login.allCases)
    func untypedObjectsRoundTrip(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let created = try await configMaps.create(Fixtures.configMap("app-config", data: ["level": "info"]))
            #expect(created["metadata"]?["uid"]?.stringValue?.isEmpty == false)
            let version = try #require(created["metadata"]?["resourceVersion"]?.stringValue)

            var fetched = try await configMaps.get("app-config")
            #expect(fetched["data"]?["level"] == "info")
            fetched["data"]?["level"] = "debug"
            let replaced = try await configMaps.replace(fetched)
            #expect(replaced["data"]?["level"] == "debug")
            #expect(replaced["metadata"]?["resourceVersion"]?.stringValue != version)

            let names = try await configMaps.list().items.compactMap { $0["metadata"]?["name"]?.stringValue }
            #expect(names.contains("app-config"))

            guard case .deleted = try await configMaps.delete("app-config") else {
                Issue.record("a ConfigMap without finalizers is deleted at once")
                return
            }
            do {
                _ = try await configMaps.get("app-config")
                Issue.record("a deleted ConfigMap is not found")
            } catch let error as KubeError {
                #expect(error.isNotFound)
            }
            let users = Set(await sandbox.requests().map(\.user))
            #expect(users == [login.user])
        }
    }

    @Test(arguments: Login.allCases)
    func typedObjectsRoundTrip(login: Login) async throws {
        try await withSandboxClient(login, schemas: true) { _, client in
            let deployments = client.resource(Deployment.self, namespace: "default")
            let created = try await deployments.create(Fixtures.deployment("web", replicas: 2))
            #expect(created.metadata.generation == 1)
            #expect(created.spec.replicas == 2)

            var changed = try await deployments.get("web")
            changed.spec.replicas = 3
            let replaced = try await deployments.replace(changed)
            #expect(replaced.spec.replicas == 3)
            #expect(replaced.metadata.generation == 2, "a spec change bumps the generation")
            #expect(try await deployments.list().items.map(\.metadata.name) == ["web"])
            _ = try await deployments.delete("web")
            #expect(try await deployments.list().items.isEmpty)
        }
    }

    @Test(arguments: Login.allCases)
    func staleReplaceIsAConflict(login: Login) async throws {
        try await withSandboxClient(login) { _, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let original = try await configMaps.create(Fixtures.configMap("shared"))
            var first = original
            first["data"]?["key"] = "first"
            _ = try await configMaps.replace(first)

            var stale = original
            stale["data"]?["key"] = "second"
            do {
                _ = try await configMaps.replace(stale)
                Issue.record("a replace with a stale resourceVersion must fail")
            } catch let error as KubeError {
                #expect(error.isConflict)
                #expect(error.statusCode == 409)
            }
            #expect(try await configMaps.get("shared")["data"]?["key"] == "first")
        }
    }

    @Test(arguments: Login.allCases)
    func serverSideApplyCreatesUpdatesAndLeavesAnUnchangedObjectAlone(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            let created = try await configMaps.apply(Fixtures.configMap("applied", data: ["a": "1"]), fieldManager: "shipshape")
            let createdVersion = try #require(created["metadata"]?["resourceVersion"]?.stringValue)

            let updated = try await configMaps.apply(Fixtures.configMap("applied", data: ["a": "2"]), fieldManager: "shipshape")
            #expect(updated["data"]?["a"] == "2")
            let updatedVersion = try #require(updated["metadata"]?["resourceVersion"]?.stringValue)
            #expect(updatedVersion != createdVersion)

            let unchanged = try await configMaps.apply(Fixtures.configMap("applied", data: ["a": "2"]), fieldManager: "shipshape")
            #expect(unchanged["metadata"]?["resourceVersion"]?.stringValue == updatedVersion, "a no-op apply writes nothing")
            let managers = unchanged["metadata"]?["managedFields"]?.arrayValue?.compactMap { $0["manager"]?.stringValue }
            #expect(managers == ["shipshape"])

            let applies = await sandbox.requests().filter { $0.method == "PATCH" }
            #expect(applies.count == 3)
            #expect(applies.allSatisfy { $0.contentType == "application/apply-patch+yaml" && $0.query.contains("fieldManager=shipshape") })
        }
    }

    @Test(arguments: Login.allCases)
    func mergePatchChangesOnlyWhatItNames(login: Login) async throws {
        try await withSandboxClient(login) { sandbox, client in
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            _ = try await configMaps.create(Fixtures.configMap("patched", data: ["keep": "1", "drop": "2"]))
            let patched = try await configMaps.patch(
                "patched", mergePatch: ["metadata": ["labels": ["tier": "web"]], "data": ["drop": nil, "add": "3"]])
            #expect(patched["metadata"]?["labels"]?["tier"] == "web")
            #expect(patched["data"]?["keep"] == "1")
            #expect(patched["data"]?["drop"] == nil)
            #expect(patched["data"]?["add"] == "3")
            #expect(await sandbox.requests().last?.contentType == "application/merge-patch+json")
        }
    }
}
