import KubeModel
import KubeSandbox
import Testing

/// metadata checks, as the real server's (replay cases 51-52, 68-74, 94-95, 131, 505-506).
@Suite struct ObjectMetaValidationTests {
    static let configMaps = Valid.namespace + "/configmaps"

    static let refusals: [Refusal] = [
        Refusal(name: "namespace names are DNS-1123 labels", path: "/api/v1/namespaces",
                body: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "Bad_Name"]],
                causes: ["FieldValueInvalid metadata.name"]),
        Refusal(name: "namespace names have no dots", path: "/api/v1/namespaces",
                body: ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "has.dot"]],
                causes: ["FieldValueInvalid metadata.name"]),
        Refusal(name: "names are DNS-1123 subdomains", path: configMaps, body: Valid.configMap("Bad_Name"),
                causes: ["FieldValueInvalid metadata.name"]),
        Refusal(name: "names are at most 253 characters", path: configMaps, body: Valid.configMap(String(repeating: "a", count: 254)),
                causes: ["FieldValueInvalid metadata.name"]),
        Refusal(name: "a name or generateName is required", path: configMaps, body: Valid.configMap("") { $0["metadata"] = [:] },
                causes: ["FieldValueRequired metadata.name"]),
        Refusal(name: "generateName is checked with the name made from it", path: configMaps,
                body: Valid.configMap("") { $0["metadata"] = ["generateName": "Gen_"] },
                causes: ["FieldValueInvalid metadata.generateName", "FieldValueInvalid metadata.name"]),
        Refusal(name: "label values", path: configMaps, body: Valid.configMap("labels") { $0["metadata"]?["labels"] = ["ok": "has space"] },
                causes: ["FieldValueInvalid metadata.labels"]),
        Refusal(name: "label keys", path: configMaps, body: Valid.configMap("labels") { $0["metadata"]?["labels"] = ["-bad": "x"] },
                causes: ["FieldValueInvalid metadata.labels"]),
        Refusal(name: "annotation keys", path: configMaps,
                body: Valid.configMap("annotations") { $0["metadata"]?["annotations"] = ["bad key/x/y": "v"] },
                causes: ["FieldValueInvalid metadata.annotations"]),
        Refusal(name: "annotations total at most 256 KiB", path: configMaps,
                body: Valid.configMap("annotations") { $0["metadata"]?["annotations"] = ["big": .string(String(repeating: "x", count: 262_145))] },
                causes: ["FieldValueTooLong metadata.annotations"]),
        Refusal(name: "owner references need a uid", path: configMaps,
                body: Valid.configMap("owned") { $0["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "x"]] },
                causes: ["FieldValueInvalid metadata.ownerReferences.uid"]),
        Refusal(name: "at most one owner reference is the controller", path: configMaps,
                body: Valid.configMap("owned") {
                    $0["metadata"]?["ownerReferences"] = [
                        ["apiVersion": "v1", "kind": "ConfigMap", "name": "a", "uid": "1", "controller": true],
                        ["apiVersion": "v1", "kind": "ConfigMap", "name": "b", "uid": "2", "controller": true],
                    ]
                },
                causes: ["FieldValueInvalid metadata.ownerReferences"]),
        Refusal(name: "finalizers are qualified names", path: configMaps,
                body: Valid.configMap("finalized") { $0["metadata"]?["finalizers"] = ["example.com/a b"] },
                causes: ["FieldValueInvalid metadata.finalizers"]),
        Refusal(name: "RBAC names are path segments", path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
                body: ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "a/b"], "rules": []],
                causes: ["FieldValueInvalid metadata.name"]),
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func noFinalizerIsAddedOnceDeletionBegan() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let held = Valid.configMap("held") { $0["metadata"]?["finalizers"] = ["example.com/hold"] }
            #expect(try await client.post(Self.configMaps, held).status == 201)
            #expect(try await client.delete(Self.configMaps + "/held").status == 200)
            let more = try await client.mergePatch(Self.configMaps + "/held", ["metadata": ["finalizers": ["example.com/hold", "example.com/more"]]])
            #expect(more.status == 422)
            #expect(more.json["details"]?["causes"]?.arrayValue?.count == 2, "the real server reports it twice")
            #expect(Refusal.causes(more) == ["FieldValueForbidden metadata.finalizers"])
            let released = try await client.mergePatch(Self.configMaps + "/held", ["metadata": ["finalizers": []]])
            #expect(released.status == 200)
        }
    }

    @Test func validMetadataIsAccepted() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let labelled = Valid.configMap("fine") {
                $0["metadata"]?["labels"] = ["app.kubernetes.io/name": "web", "empty": ""]
                $0["metadata"]?["annotations"] = ["Example.com/Note": "anything goes here"]
                $0["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "a", "uid": "1", "controller": true]]
            }
            let accepted = try await client.post(Self.configMaps, labelled)
            #expect(accepted.status == 201, "\(accepted.text)")
            let service = Valid.service("1web")
            #expect(try await client.post(Valid.namespace + "/services", service).status == 201, "Service names are DNS-1123 labels, digits first allowed")
            let role: JSONValue = ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "system:reader"], "rules": []]
            #expect(try await client.post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", role).status == 201)
        }
    }
}
