import KubeModel
import KubeSchema
import KubeSandbox
import Testing

@Suite struct SchemaTests {
    static let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "microservices.shipshape.dev"],
        "spec": [
            "group": "shipshape.dev", "scope": "Namespaced",
            "names": ["plural": "microservices", "singular": "microservice", "kind": "Microservice", "shortNames": ["msvc"]],
            "versions": [[
                "name": "v1alpha1", "served": true, "storage": true, "subresources": ["status": [:]],
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": [
                        "spec": ["type": "object", "required": ["image"], "properties": [
                            "image": ["type": "string"],
                            "replicas": ["type": "integer", "minimum": 0, "default": 1],
                            "mode": ["type": "string", "enum": ["enforce", "warn"]],
                            "extra": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                        ]],
                        "status": ["type": "object", "properties": ["observedGeneration": ["type": "integer"]]],
                    ],
                ]],
            ]],
        ],
    ]

    @Test func aCreatedCRDIsServedValidatedAndPruned() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/apis/shipshape.dev/v1alpha1/namespaces/default/microservices"
            #expect(try await client.get(path).status == 404)
            let created = try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Self.crd)
            #expect(created.status == 201)
            // The create answers the CRD as first stored; the API server's controllers establish it right after.
            #expect(created.json["status"]?["conditions"] == .null)
            let established = try await client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/\(created.json["metadata"]?["name"]?.stringValue ?? "")").json
            #expect(established["status"]?["conditions"]?.arrayValue?.contains { $0["type"] == "Established" } == true)
            #expect(established["metadata"]?["managedFields"]?.arrayValue?.contains { $0["manager"] == "kube-apiserver" && $0["subresource"] == "status" } == true)
            let discovery = try await client.get("/apis/shipshape.dev/v1alpha1").json
            #expect(discovery["resources"]?.arrayValue?.first?["shortNames"] == ["msvc"])

            let object: JSONValue = [
                "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice", "metadata": ["name": "orders"],
                "spec": ["image": "orders:1.0", "typo": true, "extra": ["anything": ["goes": 1]]],
            ]
            let stored = try await client.post(path, object)
            #expect(stored.status == 201)
            #expect(stored.json["spec"]?["typo"] == nil, "unknown fields are pruned")
            #expect(stored.json["spec"]?["extra"]?["anything"] == ["goes": 1], "x-kubernetes-preserve-unknown-fields keeps them")
            #expect(stored.json["spec"]?["replicas"] == 1, "defaults are applied")
            #expect(stored.headers["Warning"].first?.contains("spec.typo") == true)

            var bad = object
            bad["metadata"] = ["name": "bad"]
            bad["spec"] = ["replicas": "two", "mode": "maybe"]
            let invalid = try await client.post(path, bad)
            #expect(invalid.status == 422)
            let fields = Set(invalid.json["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
            #expect(fields == ["spec.image", "spec.replicas", "spec.mode"])

            var strictObject = object
            strictObject["metadata"] = ["name": "strict"]
            let strict = try await client.post(path + "?fieldValidation=Strict", strictObject)
            #expect(strict.status == 400)
            #expect(strict.json["message"]?.stringValue?.contains("unknown field \"spec.typo\"") == true)
        }
    }

    @Test func builtinKindsAreValidatedAgainstTheOpenAPISchemas() async throws {
        let schemas = try #require(Fixtures.schemas, "the Kubernetes OpenAPI documents are expected at ../shared/kubernetes-openapi")
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/apis/apps/v1/namespaces/default/deployments"
            var mistyped = Fixtures.deployment("web")
            mistyped["spec"]?["replicas"] = "two"
            let undecodable = try await client.post(path, mistyped)
            #expect(undecodable.status == 400, "a value of the wrong JSON type does not decode")
            #expect(undecodable.json["reason"] == "BadRequest")

            var deployment = Fixtures.deployment("web")
            deployment["spec"]?["selector"] = nil
            let invalid = try await client.post(path, deployment)
            #expect(invalid.status == 422)
            #expect(invalid.json["reason"] == "Invalid")
            #expect(invalid.json["details"]?["kind"] == "Deployment")
            let fields = invalid.json["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains("spec.selector"))
            #expect(invalid.json["message"]?.stringValue?.hasPrefix("Deployment.apps \"web\" is invalid: ") == true)

            var unnamed = Fixtures.deployment("web")
            unnamed["spec"]?["template"]?["spec"]?["containers"] = [["image": "x:1"]]
            let missingName = try await client.post(path, unnamed)
            #expect(missingName.json["details"]?["causes"]?.arrayValue?.first?["field"] == "spec.template.spec.containers[0].name")

            var misspelt = Fixtures.deployment("web")
            misspelt["spec"]?["replica"] = 2
            let strict = try await client.post(path + "?fieldValidation=Strict", misspelt)
            #expect(strict.status == 400)
            #expect(try await client.post(path, Fixtures.deployment("web")).status == 201)
        }
    }

    @Test func validatorStandsAlone() {
        let schema: JSONValue = ["type": "object", "properties": ["port": ["type": "integer", "format": "int32"],
                                                                  "target": ["x-kubernetes-int-or-string": true]]]
        let result = SchemaValidator(options: .structural).validate(["port": 99_999_999_999, "target": "http", "x": 1], against: schema)
        #expect(result.violations.map(\.description) == ["port: Invalid value: 99999999999: must fit in a 32-bit integer"])
        #expect(result.unknownFields.map(\.description) == ["x"])
        #expect(result.value == ["port": 99_999_999_999, "target": "http"])
    }
}
