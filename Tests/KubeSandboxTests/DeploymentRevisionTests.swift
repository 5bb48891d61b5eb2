import KubeModel
import KubeSandbox
import Testing

/// How the Deployment controller numbers rollouts, as `kubectl rollout history` and `undo` read them.
@Suite struct DeploymentRevisionTests {
    @Test func returningToAnEarlierTemplateGivesItsReplicaSetTheNextRevision() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let apps = "/apis/apps/v1/namespaces/default"
            #expect(try await client.post("\(apps)/deployments", Fixtures.deployment("web")).status == 201)
            await sandbox.settleControllers()
            let image = { (image: String) -> JSONValue in
                ["spec": ["template": ["spec": ["containers": [["name": "app", "image": .string(image)]]]]]]
            }
            let original = Self.image(try await client.get("\(apps)/deployments/web").json)
            #expect(try await client.mergePatch("\(apps)/deployments/web", image("registry.example.com/app:2.0")).status == 200)
            await sandbox.settleControllers()
            #expect(try await client.mergePatch("\(apps)/deployments/web", image(original?.stringValue ?? "")).status == 200)
            await sandbox.settleControllers()

            let replicaSets = try await client.get("\(apps)/replicasets").json["items"]?.arrayValue ?? []
            #expect(replicaSets.count == 2)
            let first = try #require(replicaSets.first { Self.image($0) == original })
            #expect(first["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "3")
            #expect(first["metadata"]?["annotations"]?["deployment.kubernetes.io/revision-history"] == "1")
            #expect(first["spec"]?["replicas"] == 1)
            let second = try #require(replicaSets.first { $0["metadata"]?["uid"] != first["metadata"]?["uid"] })
            #expect(second["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "2")
            #expect(second["spec"]?["replicas"] == 0)
            let deployment = try await client.get("\(apps)/deployments/web").json
            #expect(deployment["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "3")
        }
    }

    private static func image(_ object: JSONValue) -> JSONValue? {
        object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"]
    }
}
