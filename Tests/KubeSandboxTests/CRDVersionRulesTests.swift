import KubeModel
import KubeSandbox
import Testing

/// CRD rules the recorded cases leave out: per-version error paths, stored versions across
/// updates, RE2 patterns, rule field paths through maps.
@Suite struct CRDVersionRulesTests {
    static let crdsPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"

    static func schema(_ spec: JSONValue) -> JSONValue {
        ["openAPIV3Schema": ["type": "object", "properties": ["spec": spec]]]
    }

    static func crd(versions: [JSONValue]) -> JSONValue {
        [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": "gizmos.fid.example.com"],
            "spec": [
                "group": "fid.example.com", "scope": "Namespaced",
                "names": ["plural": "gizmos", "kind": "Gizmo"], "versions": .array(versions),
            ],
        ]
    }

    static func version(_ name: String, storage: Bool, spec: JSONValue = ["type": "object"]) -> JSONValue {
        ["name": .string(name), "served": true, "storage": .bool(storage), "schema": schema(spec)]
    }

    static func causes(_ response: APIResponse) -> Set<String> {
        Set((response.json["details"]?["causes"]?.arrayValue ?? []).map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" })
    }

    @Test func schemasThatDifferBetweenVersionsAreReportedPerVersion() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let body = Self.crd(versions: [
                Self.version("v1", storage: true),
                Self.version("v2", storage: false, spec: ["type": "object", "properties": ["tag": ["type": "string", "pattern": "(?=a)b"]]]),
            ])
            let response = try await client.post(Self.crdsPath + "?dryRun=All", body)
            #expect(response.status == 422)
            #expect(Self.causes(response) == ["FieldValueInvalid spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[tag].pattern"])
            #expect(response.json["message"]?.stringValue?.contains("invalid or unsupported Perl syntax: `(?=`") == true)
        }
    }

    @Test func storedVersionsGrowWithTheStorageVersionAndStayListedInSpec() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post(Self.crdsPath, Self.crd(versions: [Self.version("v1", storage: true)]))
            #expect(created.status == 201)
            #expect(created.json["spec"]?["names"]?["singular"] == "gizmo")
            #expect(created.json["spec"]?["names"]?["listKind"] == "GizmoList")
            let path = Self.crdsPath + "/gizmos.fid.example.com"
            let moved = try await client.put(path, Self.crd(versions: [Self.version("v1", storage: false), Self.version("v2", storage: true)]))
            #expect(moved.status == 200)
            #expect(moved.json["status"]?["storedVersions"] == ["v1", "v2"])
            let dropped = try await client.put(path, Self.crd(versions: [Self.version("v2", storage: true)]))
            #expect(dropped.status == 422)
            #expect(Self.causes(dropped) == ["FieldValueInvalid status.storedVersions[0]"])
            var renamed = Self.crd(versions: [Self.version("v1", storage: false), Self.version("v2", storage: true)])
            renamed["spec"]?["names"]?["kind"] = "Gadget"
            #expect(Self.causes(try await client.put(path, renamed)) == ["FieldValueInvalid spec.names.kind"])
        }
    }

    @Test func crdsInKubernetesGroupsNeedAnApprovalAnnotation() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            var body = Self.crd(versions: [Self.version("v1", storage: true)])
            body["metadata"] = ["name": "gizmos.fid.k8s.io"]
            body["spec"]?["group"] = "fid.k8s.io"
            let refused = try await client.post(Self.crdsPath + "?dryRun=All", body)
            #expect(Self.causes(refused) == ["FieldValueRequired metadata.annotations[api-approved.kubernetes.io]"])
            body["metadata"]?["annotations"] = ["api-approved.kubernetes.io": "unapproved, testing only"]
            #expect(try await client.post(Self.crdsPath + "?dryRun=All", body).status == 201)
        }
    }

    @Test func ruleFieldPathsMayNameMapKeysButNotListItems() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let spec = { (fieldPath: String) -> JSONValue in
                [
                    "type": "object",
                    "properties": [
                        "limits": ["type": "object", "additionalProperties": ["type": "string"]],
                        "ports": [
                            "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                            "items": ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"]]],
                        ],
                    ],
                    "x-kubernetes-validations": [["rule": "true", "fieldPath": .string(fieldPath)]],
                ]
            }
            for (fieldPath, accepted) in [(".limits.cpu", true), (".limits['cpu']", true), (".ports[0].name", false), (".ports.name", false), ("", true)] {
                let response = try await client.post(Self.crdsPath + "?dryRun=All", Self.crd(versions: [Self.version("v1", storage: true, spec: spec(fieldPath))]))
                #expect(response.status == (accepted ? 201 : 422), "fieldPath \(fieldPath)")
            }
        }
    }
}
