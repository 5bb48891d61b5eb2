import KubeModel
import KubeSandbox
import Testing

/// Strategic merge patch as `kubectl apply` (client-side), `kubectl set image` and `kubectl patch` send it.
@Suite struct StrategicMergePatchTests {
    let deployments = "/apis/apps/v1/namespaces/default/deployments"

    static func webDeployment() -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
            "spec": [
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [
                        ["name": "app", "image": "nginx:1.27", "ports": [["containerPort": 8080, "name": "http"]],
                         "env": [["name": "A", "value": "1"], ["name": "B", "value": "2"]]],
                        ["name": "sidecar", "image": "busybox:1"],
                    ]],
                ],
            ],
        ]
    }

    func smp(_ client: SandboxClient, _ path: String, _ patch: JSONValue) async throws -> APIResponse {
        try await client.send(.PATCH, path, body: patch, contentType: "application/strategic-merge-patch+json")
    }

    func containers(_ response: APIResponse) -> [JSONValue] {
        response.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
    }

    @Test func setImageKeepsPortsAndMergesContainersByName() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(deployments, Self.webDeployment()).status == 201)
            let setImage = try await smp(client, "\(deployments)/web",
                                         ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "nginx:1.28"]]]]]])
            #expect(setImage.status == 200)
            let merged = containers(setImage)
            #expect(merged.compactMap { $0["name"]?.stringValue } == ["app", "sidecar"])
            #expect(merged.first?["image"] == "nginx:1.28")
            #expect(merged.first?["ports"]?.arrayValue?.first?["containerPort"] == 8080, "the ports survive an image change")
            #expect(merged.last?["image"] == "busybox:1")

            let env = try await smp(client, "\(deployments)/web",
                                    ["spec": ["template": ["spec": ["containers": [["name": "app", "env": [["name": "C", "value": "3"]]]]]]]])
            #expect(containers(env).first?["env"] == [["name": "C", "value": "3"], ["name": "A", "value": "1"], ["name": "B", "value": "2"]],
                    "a new element goes before the server-only ones, as the API server orders them")
        }
    }

    @Test func directivesDeleteReorderRetainAndRemoveFromPrimitiveLists() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            var deployment = Self.webDeployment()
            deployment["metadata"]?["finalizers"] = ["example.com/a", "example.com/b"]
            #expect(try await client.post(deployments, deployment).status == 201)

            let deleted = try await smp(client, "\(deployments)/web",
                                        ["spec": ["template": ["spec": ["containers": [["name": "app", "$patch": "delete"]]]]]])
            #expect(containers(deleted).compactMap { $0["name"]?.stringValue } == ["sidecar"])
            let owned = deleted.json["metadata"]?["managedFields"]?.arrayValue?
                .first { $0["manager"] == "unknown" }?["fieldsV1"]?["f:spec"]?["f:template"]?["f:spec"]?["f:containers"]
            #expect(owned?[#"k:{"name":"app"}"#] == nil, "a deleted element is owned by no one")
            #expect(owned?[#"k:{"name":"sidecar"}"#] != nil)

            let added = try await smp(client, "\(deployments)/web", [
                "spec": ["template": ["spec": [
                    "$setElementOrder/containers": [["name": "app"], ["name": "sidecar"]],
                    "containers": [["name": "app", "image": "nginx:1.29"]],
                ]]],
            ])
            #expect(added.status == 200)
            #expect(added.headers["Warning"].isEmpty, "$setElementOrder draws no warning")
            #expect(containers(added).compactMap { $0["name"]?.stringValue } == ["app", "sidecar"], "$setElementOrder puts app first")

            let recreate = try await smp(client, "\(deployments)/web", ["spec": ["strategy": ["$retainKeys": ["type"], "type": "Recreate"]]])
            #expect(recreate.json["spec"]?["strategy"] == ["type": "Recreate"], "$retainKeys clears rollingUpdate")

            let finalizers = try await smp(client, "\(deployments)/web", ["metadata": ["$deleteFromPrimitiveList/finalizers": ["example.com/a"]]])
            #expect(finalizers.json["metadata"]?["finalizers"] == ["example.com/b"])
            let more = try await smp(client, "\(deployments)/web", ["metadata": ["finalizers": ["example.com/c", "example.com/b"]]])
            #expect(more.json["metadata"]?["finalizers"] == ["example.com/c", "example.com/b"], "a merge list of scalars merges by value")

            let badDirective = try await smp(client, "\(deployments)/web", ["spec": ["strategy": ["$patch": "frobnicate"]]])
            #expect(badDirective.status == 500, "the API server passes the merge error on unclassified")
            let noKey = try await smp(client, "\(deployments)/web", ["spec": ["template": ["spec": ["containers": [["image": "x"]]]]]])
            #expect(noKey.status == 500)
            let retain = try await smp(client, "\(deployments)/web", ["spec": ["strategy": ["$retainKeys": ["type"], "rollingUpdate": ["maxSurge": 1]]]])
            #expect(retain.status == 422, "a patched field outside $retainKeys")
        }
    }

    @Test func servicePortsMergeByPortAndNullsDelete() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let services = "/api/v1/namespaces/default/services"
            let service: JSONValue = [
                "apiVersion": "v1", "kind": "Service", "metadata": ["name": "ps", "labels": ["a": "1", "b": "2"]],
                "spec": ["selector": ["app": "ps"], "ports": [["name": "http", "port": 80], ["name": "https", "port": 443]]],
            ]
            #expect(try await client.post(services, service).status == 201)
            let patched = try await smp(client, "\(services)/ps", ["metadata": ["labels": ["a": nil]], "spec": ["ports": [["port": 443, "targetPort": 8443]]]])
            #expect(patched.status == 200)
            let ports = patched.json["spec"]?["ports"]?.arrayValue ?? []
            #expect(ports.compactMap { $0["name"]?.stringValue } == ["http", "https"])
            #expect(ports.last?["targetPort"] == 8443)
            #expect(patched.json["metadata"]?["labels"] == ["b": "2"])
        }
    }

    @Test func customResourcesRefuseStrategicMergePatch() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", SchemaTests.crd).status == 201)
            let path = "/apis/shipshape.dev/v1alpha1/namespaces/default/microservices"
            let microservice: JSONValue = ["apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice", "metadata": ["name": "m"], "spec": ["image": "x"]]
            #expect(try await client.post(path, microservice).status == 201)
            let refused = try await smp(client, "\(path)/m", ["spec": ["replicas": 2]])
            #expect(refused.status == 415)
            #expect(refused.json["reason"] == "UnsupportedMediaType")
            #expect(try await client.mergePatch("\(path)/m", ["spec": ["replicas": 2]]).json["spec"]?["replicas"] == 2)
        }
    }
}
