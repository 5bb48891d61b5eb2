import Controller
import KubeClient
import KubeModel
import Testing

@Suite("Reconcile against KubeSandbox", .serialized)
struct ReconcileTests {
    static let everyChild: [ChildKind] = [.serviceAccount, .service, .deployment, .podDisruptionBudget, .networkPolicy]

    @Test("create materializes every child, status follows the rollout, a no-op writes nothing")
    func createAndNoOp() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { shipshape in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("every child") { try await harness.childrenExist("hello", kinds: Self.everyChild) }
                #expect(try await harness.get(.horizontalPodAutoscalers, "hello") == nil)
                let deployment = try #require(try await harness.get(.deployments, "hello"))
                let owner = deployment["metadata"]?["ownerReferences"]?.arrayValue?.first
                #expect(owner?["kind"]?.stringValue == "Microservice")
                #expect(owner?["controller"]?.boolValue == true)
                try await eventually("status with a passed checklist") {
                    try await harness.status("hello")?.condition("ChecklistPassed")?["status"]?.stringValue == "True"
                }
                let pending = try #require(try await harness.status("hello"))
                #expect(pending.condition("Ready")?["status"]?.stringValue == "False")
                #expect(pending["children"]?.arrayValue?.count == 5)

                try await harness.rollOut("hello", replicas: 2)
                try await eventually("Ready") { try await harness.status("hello")?.condition("Ready")?["status"]?.stringValue == "True" }
                let ready = try #require(try await harness.status("hello"))
                #expect(ready["readyReplicas"]?.intValue == 2)
                #expect(ready["replicas"]?.intValue == 2)
                #expect(ready["observedGeneration"]?.intValue == 1)
                #expect(ready["checklist"]?["summary"]?.stringValue != nil)

                try await harness.settle(shipshape)
                await harness.sandbox.clearRequests()
                for key in shipshape.cache.microservices.values().map(\.objectKey) { await shipshape.queue.add(key) }
                await harness.sandbox.dropWatches()   // and a relist
                try await harness.settle(shipshape)
                #expect(await harness.writes(excludingEvents: false) == [])
            }
        }
    }

    @Test("a restarted operator finds a converged namespace up to date: 0 writes, 0 Events")
    func restartWritesNothing() async throws {
        try await Harness.withSandbox { harness in
            try await harness.create(Fixtures.microservice("catalog"))
            try await harness.create(Fixtures.microservice("orders", dependsOn: ["catalog"]))
            try await harness.withOperator { shipshape in
                for name in ["catalog", "orders"] {
                    try await eventually("\(name)'s children") { try await harness.childrenExist(name, kinds: Self.everyChild) }
                }
                try await harness.settle(shipshape)
            }
            await harness.sandbox.clearRequests()
            // A new process: its cache is filled from lists, whose items carry no kind/apiVersion.
            try await harness.withOperator { shipshape in
                try await harness.settle(shipshape)
                #expect(await harness.sandbox.requests().contains { $0.verb == "list" && $0.path.hasSuffix("/deployments") })
            }
            #expect(await harness.writes(excludingEvents: false) == [])
        }
    }

    @Test("a spec change writes only the children it changes")
    func specChange() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { shipshape in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("every child") { try await harness.childrenExist("hello", kinds: Self.everyChild) }
                try await harness.settle(shipshape)
                await harness.sandbox.clearRequests()
                try await harness.mergePatch("hello", ["spec": ["env": [["name": "LOG_LEVEL", "value": "debug"]]]])
                try await eventually("the new variable") {
                    try await harness.get(.deployments, "hello")?["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["env"]?
                        .jsonText().contains("LOG_LEVEL") == true
                }
                try await harness.settle(shipshape)
                let writes = await harness.writes().filter { !$0.contains("/microservices/") }
                #expect(writes == ["patch /apis/apps/v1/namespaces/shop/deployments/hello"])
            }
        }
    }

    @Test("hand edits and deletions of children are reverted")
    func drift() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { shipshape in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("every child") { try await harness.childrenExist("hello", kinds: Self.everyChild) }
                _ = try await harness.resource(.deployments).patch(
                    "hello", mergePatch: ["spec": ["template": ["spec": ["containers": [["name": "hello", "image": "evil:latest"]]]]]])
                try await eventually("the image restored") {
                    try await harness.get(.deployments, "hello")?["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"]?
                        .stringValue == "registry.example.com/shop/hello:1.0.0"
                }
                _ = try await harness.resource(.services).delete("hello")
                try await eventually("the Service recreated") { try await harness.get(.services, "hello") != nil }
                _ = try await harness.resource(.networkPolicies).patch("hello", mergePatch: ["spec": ["egress": nil]])
                try await eventually("the NetworkPolicy restored") {
                    try await harness.get(.networkPolicies, "hello")?["spec"]?["egress"] != nil
                }
            }
        }
    }

    @Test("removing autoscaling prunes the HPA and gives replicas back to the Deployment")
    func autoscalingRemoved() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("hello", extra: [
                    "replicas": .null, "autoscaling": ["minReplicas": 2, "maxReplicas": 5, "cpuUtilization": 70],
                ]))
                try await eventually("the HPA") { try await harness.get(.horizontalPodAutoscalers, "hello") != nil }
                #expect(try await harness.get(.deployments, "hello")?["spec"]?["replicas"] == 1, "left out, defaulted by the API server")
                try await harness.mergePatch("hello", ["spec": ["autoscaling": nil, "replicas": 3]])
                try await eventually("the HPA pruned") { try await harness.get(.horizontalPodAutoscalers, "hello") == nil }
                try await eventually("replicas on the Deployment") {
                    try await harness.get(.deployments, "hello")?["spec"]?["replicas"]?.intValue == 3
                }
            }
        }
    }

    @Test("adding and dropping a dependsOn updates the dependency's NetworkPolicy")
    func dependencyGraph() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("catalog"))
                try await harness.create(Fixtures.microservice("orders"))
                func catalogAdmitsOrders() async throws -> Bool {
                    let ingress = try await harness.get(.networkPolicies, "catalog")?["spec"]?["ingress"]
                    return ingress?.jsonText().contains("\"orders\"") == true
                }
                try await eventually("both policies") { try await harness.get(.networkPolicies, "orders") != nil }
                #expect(try await !catalogAdmitsOrders())
                try await harness.mergePatch("orders", ["spec": ["dependsOn": [["service": "catalog", "port": "http"]]]])
                try await eventually("catalog admits orders") { try await catalogAdmitsOrders() }
                try await harness.mergePatch("orders", ["spec": ["dependsOn": nil]])
                try await eventually("catalog no longer admits orders") { try await !catalogAdmitsOrders() }
            }
        }
    }
}
