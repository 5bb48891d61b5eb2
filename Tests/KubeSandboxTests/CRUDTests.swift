import KubeModel
import KubeSandbox
import Testing

@Suite struct CRUDTests {
    let base = "/api/v1/namespaces/default/configmaps"

    @Test func createGetUpdateDelete() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post(base, Fixtures.configMap("app-config"))
            #expect(created.status == 201)
            let metadata = created.json["metadata"]
            #expect(metadata?["uid"]?.stringValue?.isEmpty == false)
            #expect(metadata?["creationTimestamp"]?.stringValue?.hasSuffix("Z") == true)
            let firstRV = try #require(metadata?["resourceVersion"]?.stringValue.flatMap(Int.init))

            let fetched = try await client.get("\(base)/app-config")
            #expect(fetched.status == 200)
            #expect(fetched.json["data"]?["key"] == "value")

            var changed = fetched.json
            changed["data"] = ["key": "other"]
            let updated = try await client.put("\(base)/app-config", changed)
            #expect(updated.status == 200)
            let secondRV = try #require(updated.json["metadata"]?["resourceVersion"]?.stringValue.flatMap(Int.init))
            #expect(secondRV > firstRV)

            let duplicate = try await client.post(base, Fixtures.configMap("app-config"))
            #expect(duplicate.status == 409)
            #expect(duplicate.json["reason"] == "AlreadyExists")

            #expect(try await client.delete("\(base)/app-config").status == 200)
            let missing = try await client.get("\(base)/app-config")
            #expect(missing.status == 404)
            #expect(missing.json == [
                "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
                "message": "configmaps \"app-config\" not found", "reason": "NotFound",
                "details": ["name": "app-config", "kind": "configmaps"], "code": 404,
            ])
        }
    }

    @Test func staleUpdateIsAConflict() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post(base, Fixtures.configMap("c")).json
            var first = created
            first["data"] = ["key": "one"]
            #expect(try await client.put("\(base)/c", first).status == 200)
            var stale = created
            stale["data"] = ["key": "two"]
            let conflict = try await client.put("\(base)/c", stale)
            #expect(conflict.status == 409)
            #expect(conflict.json["reason"] == "Conflict")
            #expect(conflict.json["message"]?.stringValue?.contains("the object has been modified") == true)
        }
    }

    @Test func generationCountsSpecChangesOnlyAndStatusIsASubresource() async throws {
        // Without the Deployment controller, which would write status between these requests.
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas, controllers: false)) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/apis/apps/v1/namespaces/default/deployments"
            var deployment = try await client.post(path, Fixtures.deployment("web")).json
            #expect(deployment["metadata"]?["generation"] == 1)

            deployment["metadata"]?["labels"] = ["team": "shop"]
            deployment["status"] = ["replicas": 9]
            deployment = try await client.put("\(path)/web", deployment).json
            #expect(deployment["metadata"]?["generation"] == 1)
            #expect(deployment["status"]?["replicas"] != 9, "a main-resource write ignores status")

            deployment["spec"]?["replicas"] = 3
            deployment = try await client.put("\(path)/web", deployment).json
            #expect(deployment["metadata"]?["generation"] == 2)

            deployment["status"] = ["replicas": 3, "observedGeneration": 2]
            deployment["spec"]?["replicas"] = 7
            let afterStatus = try await client.put("\(path)/web/status", deployment).json
            #expect(afterStatus["status"]?["replicas"] == 3)
            #expect(afterStatus["spec"]?["replicas"] == 3, "a status write ignores spec")
            #expect(afterStatus["metadata"]?["generation"] == 2)
        }
    }

    @Test func discoveryListsBuiltinsWithVerbsAndShortNames() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.get("/api").json["versions"] == ["v1"])
            let groups = try await client.get("/apis").json["groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(groups.contains("apps") && groups.contains("coordination.k8s.io") && groups.contains("policy"))
            let apps = try await client.get("/apis/apps/v1").json
            let deployments = apps["resources"]?.arrayValue?.first { $0["name"] == "deployments" }
            #expect(deployments?["namespaced"] == true)
            #expect(deployments?["kind"] == "Deployment")
            #expect(deployments?["shortNames"] == ["deploy"])
            #expect(deployments?["verbs"]?.arrayValue?.contains("watch") == true)
            #expect(apps["resources"]?.arrayValue?.contains { $0["name"] == "deployments/status" } == true)
            #expect(try await client.get("/apis/nope.example.com/v1").status == 404)
        }
    }

    @Test func badRequestsGetStatusErrors() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let malformed = try await client.send(.POST, base, text: "{not json")
            #expect(malformed.status == 400)
            #expect(malformed.json["kind"] == "Status")
            let wrongType = try await client.send(.POST, base, text: "{}", contentType: "text/plain")
            #expect(wrongType.status == 415)
            let unknown = try await client.get("/api/v1/namespaces/default/widgets")
            #expect(unknown.status == 404)
            let noNamespace = try await client.post("/api/v1/namespaces/absent/configmaps", Fixtures.configMap("x"))
            #expect(noNamespace.status == 404)
            #expect(noNamespace.json["message"] == "namespaces \"absent\" not found")
            let badPatch = try await client.send(.PATCH, "\(base)/x", text: "{}", contentType: "application/xml")
            #expect(badPatch.status == 415)
        }
    }
}
