import KubeModel
import KubeSandbox
import Testing

/// `fieldValidation=Strict` on a patch: unknown fields in the patched object make the patch
/// itself invalid (422 on field `patch`), as the API server's patcher decides before admission.
@Suite struct StrictPatchTests {
    @Test func aMergePatchLeavingAnUnknownFieldIsAnInvalidPatch() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let configMaps = "/api/v1/namespaces/default/configmaps"
            #expect(try await client.post(configMaps, ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "p1"]]).status == 201)
            let refused = try await client.send(.PATCH, "\(configMaps)/p1?fieldValidation=Strict", body: ["bogus": 1],
                                                contentType: "application/merge-patch+json")
            #expect(refused.status == 422)
            #expect(refused.json["reason"] == "Invalid")
            let causes = refused.json["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.map { [$0["reason"], $0["field"]] } == [["FieldValueInvalid", "patch"]])
            #expect(refused.json["message"]?.stringValue?.hasSuffix("strict decoding error: unknown field \"bogus\"") == true)
            let warned = try await client.mergePatch("\(configMaps)/p1", ["bogus": 1])
            #expect(warned.status == 200)
        }
    }

    @Test func aStrategicMergePatchIsQuotedAsGoPrintsIt() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let deployments = "/apis/apps/v1/namespaces/default/deployments"
            #expect(try await client.post(deployments, Fixtures.deployment("pd")).status == 201)
            let refused = try await client.send(.PATCH, "\(deployments)/pd?fieldValidation=Strict", body: ["spec": ["bogus": 1, "progressDeadlineSeconds": 1_000_000]],
                                                contentType: "application/strategic-merge-patch+json")
            #expect(refused.status == 422)
            #expect(refused.json["message"] == " \"\" is invalid: patch: Invalid value: \"map[spec:map[bogus:1 progressDeadlineSeconds:1e+06]]\": strict decoding error: unknown field \"spec.bogus\"")
        }
    }
}
