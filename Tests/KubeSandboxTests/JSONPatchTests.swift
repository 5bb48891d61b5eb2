import KubeModel
import KubeSandbox
import Testing

/// RFC 6902 patches and the API server's answers to bad ones.
@Suite struct JSONPatchTests {
    let base = "/api/v1/namespaces/default/configmaps"

    func jsonPatch(_ client: SandboxClient, _ path: String, _ text: String) async throws -> APIResponse {
        try await client.send(.PATCH, path, text: text, contentType: "application/json-patch+json")
    }

    @Test func operationsEscapesAndIndexes() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            var configMap = Fixtures.configMap("j", data: ["a": "1"])
            configMap["metadata"]?["finalizers"] = ["example.com/x"]
            #expect(try await client.post(base, configMap).status == 201)
            let escaped = try await jsonPatch(client, "\(base)/j", #"""
                [{"op":"add","path":"/metadata/labels","value":{}},
                 {"op":"add","path":"/metadata/labels/example.com~1tier","value":"web"},
                 {"op":"add","path":"/metadata/annotations","value":{"t~ilde":"1"}},
                 {"op":"test","path":"/metadata/annotations/t~0ilde","value":"1"},
                 {"op":"remove","path":"/metadata/annotations/t~0ilde"},
                 {"op":"add","path":"/metadata/finalizers/-","value":"example.com/y"},
                 {"op":"copy","from":"/data/a","path":"/data/b"},
                 {"op":"move","from":"/data/a","path":"/data/c"}]
                """#)
            #expect(escaped.status == 200)
            #expect(escaped.json["metadata"]?["labels"] == ["example.com/tier": "web"])
            #expect(escaped.json["metadata"]?["finalizers"] == ["example.com/x", "example.com/y"])
            #expect(escaped.json["data"] == ["b": "1", "c": "1"])
        }
    }

    @Test func badPatchesAreRejectedAsTheAPIServerDoes() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("j")).status == 201)
            let missing = try await jsonPatch(client, "\(base)/j", #"[{"op":"remove","path":"/data/nonexistent"}]"#)
            #expect(missing.status == 422)
            let failedTest = try await jsonPatch(client, "\(base)/j", #"[{"op":"test","path":"/data/key","value":"no"},{"op":"add","path":"/data/t","value":"1"}]"#)
            #expect(failedTest.status == 422)
            #expect(try await client.get("\(base)/j").json["data"] == ["key": "value"], "a failed test applies nothing")
            #expect(try await jsonPatch(client, "\(base)/j", #"[{"op":"frobnicate","path":"/data/key"}]"#).status == 422)
            let notAList = try await jsonPatch(client, "\(base)/j", #"{"op":"add","path":"/data/z","value":"1"}"#)
            #expect(notAList.status == 400)
            #expect(notAList.json["reason"] == "BadRequest")
            let plainJSON = try await client.send(.PATCH, "\(base)/j", text: #"{"data":{}}"#, contentType: "application/json")
            #expect(plainJSON.status == 415, "application/json is not a patch type")
        }
    }
}
