import KubeModel
import KubeSandbox
import Testing

/// What the built-in resources beyond the common ones do: verbs they are not served with, a
/// resource nothing is stored for, and HorizontalPodAutoscalers at autoscaling/v1.
@Suite struct ServedResourcesTests {
    @Test func verbsAResourceIsNotServedWithAre405() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let collection = try await client.delete("/api/v1/namespaces")
            #expect(collection.status == 405)
            #expect(collection.json["reason"] == "MethodNotAllowed")
            #expect(try await client.get("/apis/authentication.k8s.io/v1/tokenreviews").status == 405)
            // Resources served generically are stored like any other.
            let quota = try await client.post("/api/v1/namespaces/default/resourcequotas", [
                "apiVersion": "v1", "kind": "ResourceQuota", "metadata": ["name": "rq"], "spec": ["hard": ["configmaps": "10"]],
            ])
            #expect(quota.status == 201)
            #expect(try await client.get("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices").json["kind"] == "EndpointSliceList")
        }
    }

    @Test func aReplicationControllerScalesThroughItsScaleSubresource() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/api/v1/namespaces/default/replicationcontrollers/rc"
            #expect(try await client.post("/api/v1/namespaces/default/replicationcontrollers", [
                "apiVersion": "v1", "kind": "ReplicationController", "metadata": ["name": "rc"],
                "spec": ["replicas": 1, "selector": ["app": "rc"], "template": [
                    "metadata": ["labels": ["app": "rc"]], "spec": ["containers": [["name": "c", "image": "nginx"]]],
                ]],
            ]).status == 201)
            let scale = try await client.get(path + "/scale").json
            #expect(scale["kind"] == "Scale")
            #expect(scale["status"]?["selector"] == "app=rc")
            var bigger = scale
            bigger["spec"]?["replicas"] = 3
            #expect(try await client.put(path + "/scale", bigger).status == 200)
            #expect(try await client.get(path).json["spec"]?["replicas"] == 3)
        }
    }

    @Test func aBindingIsAnsweredButNotStored() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let binding = try await client.post("/api/v1/namespaces/default/bindings", [
                "apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p"], "target": ["kind": "Node", "name": "n1"],
            ])
            #expect(binding.status == 201)
            // A second one of the same name is no conflict: nothing was kept.
            #expect(try await client.post("/api/v1/namespaces/default/bindings", [
                "apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p"], "target": ["kind": "Node", "name": "n1"],
            ]).status == 201)
        }
    }

    @Test func autoscalingV1ServesTheV2ObjectWithItsCPUTarget() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let target: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web"]
            _ = try await client.post("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", [
                "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "h"],
                "spec": ["scaleTargetRef": target, "minReplicas": 2, "maxReplicas": 5, "metrics": [[
                    "type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 70]],
                ]]],
            ])
            let v1 = try await client.get("/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/h").json
            #expect(v1["apiVersion"] == "autoscaling/v1")
            #expect(v1["spec"] == ["scaleTargetRef": target, "minReplicas": 2, "maxReplicas": 5, "targetCPUUtilizationPercentage": 70])
            #expect(v1["status"]?["desiredReplicas"] == 0)

            // Written at v1, read at v2: the target becomes a cpu Resource metric.
            var changed = v1
            changed["spec"]?["targetCPUUtilizationPercentage"] = 60
            #expect(try await client.put("/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/h", changed).status == 200)
            let v2 = try await client.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/h").json
            #expect(v2["spec"]?["metrics"]?.arrayValue?.first?["resource"]?["target"]?["averageUtilization"] == 60)
            #expect(v2["spec"]?["minReplicas"] == 2)
        }
    }
}
