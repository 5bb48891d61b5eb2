import KubeModel
import KubeSandbox
import Testing

/// Query parameters and metadata a write is refused for before its object is validated
/// (replay cases 77, 83, 96, 104).
@Suite struct WriteOptionsValidationTests {
    static let configMaps = Valid.namespace + "/configmaps"

    @Test func badOptionsAreInvalidCreateOptions() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let cases: [(String, String)] = [
                ("dryRun=Bogus", "FieldValueNotSupported dryRun"),
                ("fieldValidation=Sloppy", "FieldValueNotSupported fieldValidation"),
                ("fieldManager=" + String(repeating: "m", count: 129), "FieldValueTooLong fieldManager"),
            ]
            for (query, cause) in cases {
                let response = try await client.post(Self.configMaps + "?" + query, Valid.configMap("opts"))
                #expect(response.status == 422, "\(query)")
                #expect(response.json["details"]?["kind"] == "CreateOptions")
                #expect(response.json["details"]?["group"] == "meta.k8s.io")
                #expect(response.json["details"]?["name"] == nil)
                #expect(Refusal.causes(response) == [cause])
            }
            let update = try await client.put(Self.configMaps + "/opts?dryRun=Bogus", Valid.configMap("opts"))
            #expect(update.json["details"]?["kind"] == "UpdateOptions")
            #expect(try await client.post(Self.configMaps + "?dryRun=All&fieldValidation=Ignore", Valid.configMap("opts")).status == 201)
        }
    }

    @Test func patchOptions() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post(Self.configMaps, Valid.configMap("patched"))
            #expect(created.status == 201)
            let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: patched\ndata:\n  k: a\n"
            let unmanaged = try await client.apply(Self.configMaps + "/patched", yaml: yaml)
            #expect(unmanaged.status == 422)
            #expect(unmanaged.json["details"]?["kind"] == "PatchOptions")
            #expect(Refusal.causes(unmanaged) == ["FieldValueRequired fieldManager"])
            let forced = try await client.mergePatch(Self.configMaps + "/patched?force=true", ["data": ["k": "b"]])
            #expect(forced.status == 422)
            #expect(Refusal.causes(forced) == ["FieldValueForbidden force"])
            #expect(try await client.apply(Self.configMaps + "/patched?fieldManager=tests&force=true", yaml: yaml).status == 200)
        }
    }

    @Test func strictDecodingRefusesRepeatedFields() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let text = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1"},"data":{"b":"2"}}"#
            let strict = try await client.send(.POST, Self.configMaps + "?fieldValidation=Strict", text: text)
            #expect(strict.status == 400)
            #expect(strict.json["message"]?.stringValue?.hasSuffix("strict decoding error: duplicate field \"data\"") == true)
            let lenient = try await client.send(.POST, Self.configMaps + "?fieldValidation=Ignore", text: text)
            #expect(lenient.status == 201)
        }
    }

    @Test func aResourceVersionOnCreateIsAServerError() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let versioned = Valid.configMap("setrv") { $0["metadata"]?["resourceVersion"] = "5" }
            let response = try await SandboxClient(sandbox).post(Self.configMaps, versioned)
            #expect(response.status == 500)
            #expect(response.json["message"] == "resourceVersion should not be set on objects to be created")
            #expect(response.json["reason"] == nil)
        }
    }
}
