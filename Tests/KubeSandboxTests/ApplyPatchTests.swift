import KubeModel
import KubeSandbox
import Testing

@Suite struct ApplyPatchTests {
    let base = "/api/v1/namespaces/default/configmaps"

    @Test func serverSideApplyCreatesUpdatesRemovesAndConflicts() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let first = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: { app: web, old: "yes" }
            data: { mode: fast }
            """
            let noManager = try await client.apply("\(base)/settings", yaml: first)
            #expect(noManager.status == 422, "fieldManager is required (an invalid PatchOptions)")
            let created = try await client.apply("\(base)/settings?fieldManager=shipshape", yaml: first)
            #expect(created.status == 201)
            #expect(created.json["metadata"]?["managedFields"]?.arrayValue?.first?["manager"] == "shipshape")
            #expect(created.json["metadata"]?["managedFields"]?.arrayValue?.first?["operation"] == "Apply")

            let again = try await client.apply("\(base)/settings?fieldManager=shipshape", yaml: first)
            #expect(again.json["metadata"]?["resourceVersion"] == created.json["metadata"]?["resourceVersion"], "a no-op apply writes nothing")

            let second = first.replacingOccurrences(of: ", old: \"yes\"", with: "")
            let updated = try await client.apply("\(base)/settings?fieldManager=shipshape", yaml: second)
            #expect(updated.status == 200)
            #expect(updated.json["metadata"]?["labels"] == ["app": "web"], "a field no longer applied is removed")

            let rival = second.replacingOccurrences(of: "mode: fast", with: "mode: slow")
            let conflict = try await client.apply("\(base)/settings?fieldManager=someone-else", yaml: rival)
            #expect(conflict.status == 409)
            #expect(conflict.json["details"]?["causes"]?.arrayValue?.first?["field"] == ".data.mode")
            let forced = try await client.apply("\(base)/settings?fieldManager=someone-else&force=true", yaml: rival)
            #expect(forced.status == 200)
            #expect(forced.json["data"]?["mode"] == "slow")
        }
    }

    @Test func applyMergesKeyedListsFromTheSchema() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/apis/apps/v1/namespaces/default/deployments"
            #expect(try await client.post(path, Fixtures.deployment("web")).status == 201)
            let sidecar = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web }
            spec:
              template:
                spec:
                  containers:
                  - { name: proxy, image: "envoy:1.30" }
            """
            let applied = try await client.apply("\(path)/web?fieldManager=mesh", yaml: sidecar)
            #expect(applied.status == 200)
            let names = applied.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["app", "proxy"], "containers merge by name")
        }
    }

    @Test func mergeAndJSONPatches() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("m", data: ["a": "1", "b": "2"])).status == 201)
            let merged = try await client.mergePatch("\(base)/m", ["data": ["a": nil, "c": "3"], "metadata": ["labels": ["x": "y"]]])
            #expect(merged.status == 200)
            #expect(merged.json["data"] == ["b": "2", "c": "3"])
            #expect(merged.json["metadata"]?["labels"] == ["x": "y"])
            let stale = try await client.mergePatch("\(base)/m", ["metadata": ["resourceVersion": "1"], "data": ["b": "9"]])
            #expect(stale.status == 409)
            let jsonPatch = try await client.send(.PATCH, "\(base)/m", text: #"[{"op":"replace","path":"/data/b","value":"20"},{"op":"remove","path":"/data/c"}]"#,
                                                 contentType: "application/json-patch+json")
            #expect(jsonPatch.json["data"] == ["b": "20"])
            #expect(try await client.mergePatch("\(base)/absent", ["data": [:]]).status == 404)
        }
    }
}
