import KubeModel
import KubeSandbox
import Testing

/// Writes that set `metadata.managedFields`, as the API server honours them: ownership moves to
/// what the write asks, so a later apply by the new owner removes fields it no longer applies.
@Suite struct ManagedFieldsWriteTests {
    let deployments = "/apis/apps/v1/namespaces/default/deployments"

    @Test func aPatchOfManagedFieldsTransfersOwnershipToAnApplier() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas, controllers: false)) { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.apply("\(deployments)/sd?fieldManager=kubectl", yaml: ServerSideApplyTests.appContainer)
            #expect(created.status == 201)
            let tree = try #require(ServerSideApplyTests.fieldsV1(created, manager: "kubectl"))
            let entry: JSONValue = ["manager": "operator", "operation": "Apply", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
                                    "time": "2026-01-01T00:00:00Z", "fieldsV1": tree]
            let transferred = try await client.mergePatch("\(deployments)/sd?fieldManager=operator",
                                                          ["metadata": ["managedFields": [entry]]])
            #expect(transferred.status == 200)
            let managers = transferred.json["metadata"]?["managedFields"]?.arrayValue?.compactMap { $0["manager"]?.stringValue }
            #expect(managers == ["operator"])
            #expect(transferred.json["metadata"]?["generation"]?.intValue == 1, "ownership alone is not a spec change")

            // The new owner applies without env A: it is removed, as no one else owns it now.
            let withoutEnv = ServerSideApplyTests.appContainer.split(separator: "\n")
                .filter { !$0.contains("env:") && !$0.contains("name: A") }.joined(separator: "\n")
            let applied = try await client.apply("\(deployments)/sd?fieldManager=operator", yaml: withoutEnv)
            #expect(applied.status == 200)
            let container = applied.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first
            #expect(container?["env"]?.arrayValue?.isEmpty ?? true, "env A is removed")
        }
    }

    @Test func aListWithOneEmptyEntryClearsOwnership() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas, controllers: false)) { sandbox in
            let client = SandboxClient(sandbox)
            _ = try await client.apply("\(deployments)/sd?fieldManager=kubectl", yaml: ServerSideApplyTests.appContainer)
            let cleared = try await client.mergePatch("\(deployments)/sd", ["metadata": ["managedFields": [[:]]]])
            #expect(cleared.status == 200)
            #expect(cleared.json["metadata"]?["managedFields"] == nil)
        }
    }
}
