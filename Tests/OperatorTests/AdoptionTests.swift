import Controller
import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// Issue 13: a Microservice named like objects Shipshape does not own reports a Conflict
/// (`adopt: false`) or takes them over without downtime (`adopt: true`).
@Suite("Adoption of existing objects", .serialized)
struct AdoptionTests {
    @Test("adopt: true takes over a hand-made Deployment, Service and HPA: same uids, selector and clusterIP, one template change")
    func adoptsHandMadeObjects() async throws {
        try await Harness.withSandbox(SandboxOptions(schemas: Fixtures.schemas, controllers: true)) { harness in
            try await Self.createHandMade("web", harness)
            try await eventually("the hand-made Deployment's first ReplicaSet") { try await Self.replicaSets(of: "web", harness).count == 1 }
            let before = try #require(try await harness.get(.deployments, "web"))
            let service = try #require(try await harness.get(.services, "web"))
            let autoscaler = try #require(try await harness.get(.horizontalPodAutoscalers, "web"))
            let clusterIP = try #require(service["spec"]?["clusterIP"]?.stringValue)

            try await harness.withOperator { shipshape in
                try await harness.create(Self.microservice("web", adopt: true))
                try await eventually("every adopted object carries the Microservice's ownerReference") {
                    for type in [ResourceType.deployments, .services, .horizontalPodAutoscalers] {
                        guard let object = try await harness.get(type, "web"), Self.controller(of: object) == "Microservice/web" else { return false }
                    }
                    return true
                }
                try await harness.settle(shipshape)
            }
            let after = try #require(try await harness.get(.deployments, "web"))
            #expect(after["metadata"]?["uid"] == before["metadata"]?["uid"])
            #expect(after["spec"]?["selector"] == ["matchLabels": ["app": "web"]])
            let template = after["spec"]?["template"]
            #expect(template?["metadata"]?["labels"]?["app"]?.stringValue == "web")
            #expect(template?["metadata"]?["labels"]?["app.kubernetes.io/name"]?.stringValue == "web")
            #expect(template?["metadata"]?["labels"]?["tier"] == nil, "a template label the Microservice does not declare is taken over and removed")
            let containers = template?["spec"]?["containers"]?.arrayValue ?? []
            #expect(containers.map { $0["name"]?.stringValue } == ["web"], "the hand-made container 'app' is replaced, not kept beside Shipshape's")
            #expect(after["spec"]?["replicas"]?.intValue == 3, "replicas left to the HPA keep the value they had")
            #expect(after["metadata"]?["labels"]?["team"]?.stringValue == "storefront", "labels other tools set stay")
            #expect(try await Self.replicaSets(of: "web", harness).count == 2, "one template change: one new ReplicaSet")
            #expect(after["metadata"]?["generation"]?.intValue == (before["metadata"]?["generation"]?.intValue ?? 0) + 1)

            let adoptedService = try #require(try await harness.get(.services, "web"))
            #expect(adoptedService["metadata"]?["uid"] == service["metadata"]?["uid"])
            #expect(adoptedService["spec"]?["clusterIP"]?.stringValue == clusterIP)
            #expect(adoptedService["spec"]?["selector"] == ["app": "web"], "selects the pods of the old and the new template")
            #expect((adoptedService["spec"]?["ports"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue } == ["http"],
                    "the undeclared debug port is removed")
            let adoptedAutoscaler = try #require(try await harness.get(.horizontalPodAutoscalers, "web"))
            #expect(adoptedAutoscaler["metadata"]?["uid"] == autoscaler["metadata"]?["uid"])
            #expect(adoptedAutoscaler["spec"]?["maxReplicas"]?.intValue == 6)

            let deletes = await harness.sandbox.requests().filter { $0.verb == "delete" && !$0.path.contains("/events") }
            #expect(deletes.map(\.path) == [], "nothing is deleted and recreated")
            let status = try #require(try await harness.status("web"))
            #expect(status.condition("Conflict")?["status"]?.stringValue == "False")
        }
    }

    @Test("adopt: false reports a Conflict naming the object, touches nothing, and records an Event; adopt: true then takes it over")
    func conflictWithoutAdopt() async throws {
        try await Harness.withSandbox { harness in
            try await Self.createHandMade("web", harness)
            let before = try #require(try await harness.get(.deployments, "web"))
            try await harness.withOperator { shipshape in
                try await harness.create(Self.microservice("web", adopt: false))
                try await eventually("a Conflict condition") {
                    try await harness.status("web")?.condition("Conflict")?["status"]?.stringValue == "True"
                }
                try await harness.settle(shipshape)
                let status = try #require(try await harness.status("web"))
                let message = status.condition("Conflict")?["message"]?.stringValue ?? ""
                #expect(message.contains("Deployment web exists and is not managed by Shipshape"))
                #expect(message.contains("Service web"))
                #expect(message.contains("HorizontalPodAutoscaler web"))
                #expect(status.condition("Ready")?["reason"]?.stringValue == "Conflict")
                #expect(try await harness.get(.deployments, "web")?["metadata"]?["resourceVersion"] == before["metadata"]?["resourceVersion"])
                for type in [ResourceType.serviceAccounts, .networkPolicies, .podDisruptionBudgets] {
                    #expect(try await harness.get(type, "web") == nil, "nothing is created while in conflict: \(type.kind)")
                }
                let events = try await harness.resource(.events).list().items
                #expect(events.contains { $0["reason"]?.stringValue == "Conflict" && ($0["note"]?.stringValue ?? "").contains("Deployment web") })

                try await harness.mergePatch("web", ["spec": ["adopt": true]])
                try await eventually("adopted once adopt is true") {
                    guard let deployment = try await harness.get(.deployments, "web") else { return false }
                    return Self.controller(of: deployment) == "Microservice/web"
                }
                try await eventually("the Conflict is cleared") {
                    try await harness.status("web")?.condition("Conflict")?["status"]?.stringValue == "False"
                }
            }
        }
    }

    @Test("an object another controller owns is never adopted, even with adopt: true")
    func controlledByAnother() async throws {
        try await Harness.withSandbox { harness in
            let owner: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "owner"]]
            let uid = try await harness.resource(.configMaps).create(owner)["metadata"]?["uid"] ?? ""
            var service = Self.handMadeService("web")
            service["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": uid, "controller": true]]
            _ = try await harness.resource(.services).create(service)
            try await harness.withOperator { shipshape in
                try await harness.create(Self.microservice("web", adopt: true))
                try await eventually("a Conflict condition") {
                    try await harness.status("web")?.condition("Conflict")?["status"]?.stringValue == "True"
                }
                let message = try await harness.status("web")?.condition("Conflict")?["message"]?.stringValue ?? ""
                #expect(message.contains("Service web exists and is controlled by ConfigMap/owner"))
                #expect(try await harness.get(.deployments, "web") == nil)
            }
        }
    }

    // MARK: fixtures

    static func microservice(_ name: String, adopt: Bool) -> JSONValue {
        Fixtures.microservice(name, extra: [
            "adopt": .bool(adopt),
            "autoscaling": ["minReplicas": 2, "maxReplicas": 6, "cpuUtilization": 70],
        ])
    }

    /// A Deployment, Service and HPA as a team writes them by hand: `app` labels, a container
    /// named `app`, a Service with a debug port.
    static func createHandMade(_ name: String, _ harness: Harness) async throws {
        let labels: JSONValue = ["app": .string(name), "tier": "frontend"]
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "labels": ["app": .string(name), "team": "storefront"]],
            "spec": [
                "replicas": 3,
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": labels],
                    "spec": ["containers": [[
                        "name": "app", "image": .string("registry.example.com/shop/\(name):0.9.0"),
                        "ports": [["name": "http", "containerPort": 8080]],
                        "env": [["name": "LEGACY_FLAG", "value": "1"]],
                    ]]],
                ],
            ],
        ]
        let autoscaler: JSONValue = [
            "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
            "metadata": ["name": .string(name)],
            "spec": [
                "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(name)],
                "minReplicas": 2, "maxReplicas": 4,
                "metrics": [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]]]],
            ],
        ]
        let manager = WriteOptions(fieldManager: "kubectl-client-side-apply")
        _ = try await harness.resource(.deployments).create(deployment, options: manager)
        _ = try await harness.resource(.services).create(handMadeService(name), options: manager)
        _ = try await harness.resource(.horizontalPodAutoscalers).create(autoscaler, options: manager)
    }

    static func handMadeService(_ name: String) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": .string(name)],
            "spec": [
                "selector": ["app": .string(name)],
                "ports": [["name": "http", "port": 8080, "targetPort": 8080], ["name": "debug", "port": 9999, "targetPort": 9999]],
            ],
        ]
    }

    static func controller(of object: JSONValue) -> String? {
        object["metadata"]?["ownerReferences"]?.arrayValue?.first { $0["controller"]?.boolValue == true }
            .map { "\($0["kind"]?.stringValue ?? "")/\($0["name"]?.stringValue ?? "")" }
    }

    static func replicaSets(of deployment: String, _ harness: Harness) async throws -> [JSONValue] {
        try await harness.resource(.replicaSets).list().items.filter { Self.controller(of: $0) == "Deployment/\(deployment)" }
    }
}
