import KubeModel
import KubeSandbox
import Testing

/// Writes of a custom resource (the recorded Widget CRD, with a scale subresource) answered as
/// the API server answers them.
@Suite struct CustomResourceWriteTests {
    static let widgets = "/apis/fid.example.com/v1/namespaces/fid-crd/widgets"

    static func widget(_ name: String, spec: JSONValue = ["mode": "fast"], apiVersion: String = "fid.example.com/v1") -> JSONValue {
        ["apiVersion": .string(apiVersion), "kind": "Widget", "metadata": ["name": .string(name)], "spec": spec]
    }

    private static func withWidgets(_ body: (SandboxClient) async throws -> Void) async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            _ = try await CRDValidationTests.replay(280, client)
            _ = try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "fid-crd"]])
            try await body(client)
        }
    }

    @Test func aPutWithoutResourceVersionIsInvalid() async throws {
        try await Self.withWidgets { client in
            #expect(try await client.post(Self.widgets, Self.widget("w1")).status == 201)
            let refused = try await client.put("\(Self.widgets)/w1", Self.widget("w1", spec: ["mode": "safe"]))
            #expect(refused.status == 422)
            #expect(refused.json["details"]?["kind"] == "widgets")
            #expect(refused.json["details"]?["causes"]?.arrayValue?.first?["field"] == "metadata.resourceVersion")
            #expect(refused.json["message"] == "widgets.fid.example.com \"w1\" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update")
            var current = try await client.get("\(Self.widgets)/w1").json
            current["spec"]?["mode"] = "safe"
            #expect(try await client.put("\(Self.widgets)/w1", current).status == 200)
        }
    }

    @Test func replicasOfTheWrongTypeAreAlsoReportedAtTheScalePath() async throws {
        try await Self.withWidgets { client in
            let refused = try await client.post(Self.widgets, Self.widget("w11", spec: ["mode": "fast", "replicas": "three"]))
            #expect(refused.status == 422)
            let causes = (refused.json["details"]?["causes"]?.arrayValue ?? []).map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" }
            #expect(Set(causes) == ["FieldValueTypeInvalid spec.replicas", "FieldValueInvalid .spec.replicas", "FieldValueInvalid <nil>"])
            #expect(refused.json["message"]?.stringValue?.contains(".spec.replicas: Invalid value: 0: .spec.replicas accessor error: three is of the type string, expected int64") == true)
        }
    }

    @Test func aTooLongStringIsFieldValueTooLong() async throws {
        try await Self.withWidgets { client in
            let refused = try await client.post(Self.widgets, Self.widget("w6", spec: ["mode": "fast", "tag": "vvvvvvvvvvvvvvvvvvvv"]))
            #expect(refused.status == 422)
            #expect(refused.json["details"]?["causes"]?.arrayValue?.contains { $0["reason"] == "FieldValueTooLong" && $0["field"] == "spec.tag" } == true)
        }
    }

    @Test func aBodyInAVersionTheCRDDoesNotServeIsRefusedWithWarnings() async throws {
        try await Self.withWidgets { client in
            let refused = try await client.post(Self.widgets, Self.widget("wv3", apiVersion: "fid.example.com/v9"))
            #expect(refused.status == 400)
            #expect(refused.json["message"] == "the API version in the data (fid.example.com/v9) does not match the expected API version (fid.example.com/v1)")
            #expect(refused.headers["Warning"] == ["299 - \"unknown field \\\"spec\\\"\""])
        }
    }

    @Test func theCreatorOwnsTheSpecMapItself() async throws {
        try await Self.withWidgets { client in
            let created = try await client.post(Self.widgets, Self.widget("w1")).json
            let fields = created["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"]
            #expect(fields?["f:spec"]?["."] == .object([:]))
            #expect(fields?["f:metadata"]?["."] == nil)
        }
    }
}
