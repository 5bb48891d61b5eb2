import KubeModel
import KubeSandbox
import Testing

/// The optional controllers `shipshape dev` turns on: a simulated kubelet and the
/// HorizontalPodAutoscaler controller as it acts without a metrics server.
@Suite struct SimulatedClusterTests {
    static var simulated: SandboxOptions {
        var options = SandboxOptions(schemas: Fixtures.schemas)
        options.simulateKubelet = true
        options.horizontalPodAutoscaling = true
        return options
    }

    @Test func theSimulatedKubeletMakesPodsRunningAndReadySoTheDeploymentBecomesAvailable() async throws {
        try await KubeSandbox.withRunning(Self.simulated) { (sandbox: KubeSandbox) async throws in
            let client = SandboxClient(sandbox)
            let apps = "/apis/apps/v1/namespaces/default"
            #expect(try await client.post("\(apps)/deployments", Fixtures.deployment("web", replicas: 2)).status == 201)
            var deployment = JSONValue.null
            #expect(try await eventually {
                deployment = try await client.get("\(apps)/deployments/web").json
                return deployment["status"]?["availableReplicas"] == 2
            })
            #expect(deployment["status"]?["readyReplicas"] == 2)
            #expect(deployment["status"]?["unavailableReplicas"] == nil)
            let conditions = deployment["status"]?["conditions"]?.arrayValue ?? []
            #expect(conditions.first { $0["type"] == "Available" }?["reason"] == "MinimumReplicasAvailable")
            #expect(conditions.first { $0["type"] == "Progressing" }?["reason"] == "NewReplicaSetAvailable")

            let pods = try await client.get("/api/v1/namespaces/default/pods").json["items"]?.arrayValue ?? []
            #expect(pods.count == 2)
            for pod in pods {
                #expect(pod["metadata"]?["annotations"]?["sandbox.shipshape.dev/simulated"] == "true")
                #expect(pod["status"]?["phase"] == "Running")
                #expect(pod["spec"]?["nodeName"] == "sandbox-node")
                let ready = pod["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }
                #expect(ready?["status"] == "True")
                #expect(pod["status"]?["containerStatuses"]?.arrayValue?.map { $0["ready"] } == [true])
                #expect(pod["status"]?["podIP"]?.stringValue?.hasPrefix("10.244.") == true)
            }
            #expect(Set(pods.compactMap { $0["status"]?["podIP"]?.stringValue }).count == 2, "pod IPs are distinct")
            let node = try await client.get("/api/v1/nodes/sandbox-node").json
            #expect(node["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["status"] == "True")
            let settled = await sandbox.resourceVersion()
            for _ in 0..<20 { _ = try await client.get("\(apps)/deployments/web") }
            #expect(await sandbox.resourceVersion() == settled, "converged, the kubelet writes nothing more")
        }
    }

    @Test func withoutTheOptionPodsStayPending() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { (sandbox: KubeSandbox) async throws in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apps/v1/namespaces/default/deployments", Fixtures.deployment("web")).status == 201)
            var pods: [JSONValue] = []
            #expect(try await eventually {
                pods = try await client.get("/api/v1/namespaces/default/pods").json["items"]?.arrayValue ?? []
                return pods.count == 1
            })
            #expect(pods.first?["status"]?["phase"] == "Pending")
            #expect(pods.first?["metadata"]?["annotations"]?["sandbox.shipshape.dev/simulated"] == nil)
            #expect(pods.first?["spec"]?["nodeName"] == nil)
            #expect(try await client.get("/api/v1/nodes").json["items"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func theAutoscalerHoldsItsTargetWithinMinAndMaxReplicas() async throws {
        try await KubeSandbox.withRunning(Self.simulated) { (sandbox: KubeSandbox) async throws in
            let client = SandboxClient(sandbox)
            let apps = "/apis/apps/v1/namespaces/default"
            #expect(try await client.post("\(apps)/deployments", Fixtures.deployment("web", replicas: 1)).status == 201)
            let hpa: JSONValue = [
                "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "web"],
                "spec": [
                    "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web"], "minReplicas": 3, "maxReplicas": 5,
                    "metrics": [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 70]]]],
                ],
            ]
            let hpas = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers"
            #expect(try await client.post(hpas, hpa).status == 201)
            var status = JSONValue.null
            #expect(try await eventually {
                status = try await client.get("\(hpas)/web").json["status"] ?? .null
                return status["currentReplicas"] == 3
            })
            #expect(status["desiredReplicas"] == 3)
            #expect(status["lastScaleTime"] != nil)
            let conditions = status["conditions"]?.arrayValue ?? []
            #expect(conditions.first { $0["type"] == "AbleToScale" }?["status"] == "True")
            #expect(conditions.first { $0["type"] == "ScalingActive" }?["reason"] == "FailedGetResourceMetric")
            #expect(try await client.get("\(apps)/deployments/web").json["spec"]?["replicas"] == 3)

            #expect(try await client.mergePatch("\(apps)/deployments/web", ["spec": ["replicas": 9]]).status == 200)
            #expect(try await eventually {
                try await client.get("\(apps)/deployments/web").json["status"]?["availableReplicas"] == 5
            })
            #expect(try await client.get("\(apps)/deployments/web").json["spec"]?["replicas"] == 5)
        }
    }
}
