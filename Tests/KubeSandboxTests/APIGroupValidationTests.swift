import KubeModel
import KubeSandbox
import Testing

/// networking, autoscaling, policy, coordination, events and RBAC rules, as the real server's
/// (replay cases 165-167, 170-171, 174-176, 179-183, 198, 200).
@Suite struct APIGroupValidationTests {
    static let networkPolicies = "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies"
    static let autoscalers = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers"
    static let budgets = "/apis/policy/v1/namespaces/default/poddisruptionbudgets"
    static let leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases"
    static let events = "/apis/events.k8s.io/v1/namespaces/default/events"

    static func networkPolicy(_ spec: JSONValue) -> JSONValue {
        ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": ["name": "np"], "spec": spec]
    }

    static func autoscaler(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        spec["scaleTargetRef"] = ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web"]
        return ["apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "h"], "spec": spec]
    }

    static func budget(_ spec: JSONValue) -> JSONValue {
        ["apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": ["name": "p"], "spec": spec]
    }

    static let event: JSONValue = [
        "apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": ["name": "e"], "eventTime": "2026-01-01T00:00:00.000000Z",
        "reportingController": "example.com/tests", "reportingInstance": "tests-1", "action": "Testing", "reason": "Started",
        "type": "Normal", "note": "hello", "regarding": ["apiVersion": "v1", "kind": "ConfigMap", "name": "cm1", "namespace": "default"],
    ]

    static let refusals: [Refusal] = [
        Refusal(name: "network policy protocols", path: networkPolicies,
                body: networkPolicy(["podSelector": [:], "ingress": [["ports": [["port": 80, "protocol": "ICMP"]]]]]),
                causes: ["FieldValueNotSupported spec.ingress[0].ports[0].protocol"]),
        Refusal(name: "network policy CIDRs", path: networkPolicies,
                body: networkPolicy(["podSelector": [:], "egress": [["to": [["ipBlock": ["cidr": "10.0.0.0/99"]]]]]]),
                causes: ["FieldValueInvalid spec.egress[0].to[0].ipBlock.cidr"]),
        Refusal(name: "network policy types", path: networkPolicies,
                body: networkPolicy(["podSelector": [:], "policyTypes": ["Sideways"]]),
                causes: ["FieldValueNotSupported spec.policyTypes[0]"]),
        Refusal(name: "autoscaler minimum above maximum", path: autoscalers,
                body: autoscaler(["minReplicas": 6, "maxReplicas": 5]),
                causes: ["FieldValueInvalid spec.maxReplicas"]),
        Refusal(name: "autoscaler maximum of zero", path: autoscalers, body: autoscaler(["maxReplicas": 0]),
                causes: ["FieldValueRequired spec.maxReplicas", "FieldValueInvalid spec.maxReplicas"]),
        Refusal(name: "budget with both minAvailable and maxUnavailable", path: budgets,
                body: budget(["minAvailable": 1, "maxUnavailable": 1, "selector": ["matchLabels": ["app": "web"]]]),
                causes: ["FieldValueInvalid spec"]),
        Refusal(name: "budget percentages up to 100%", path: budgets,
                body: budget(["minAvailable": "150%", "selector": ["matchLabels": ["app": "web"]]]),
                causes: ["FieldValueInvalid spec.minAvailable"]),
        Refusal(name: "selector operators", path: budgets,
                body: budget(["minAvailable": 1, "selector": ["matchExpressions": [["key": "a", "operator": "Bogus"]]]]),
                causes: ["FieldValueInvalid spec.selector.matchExpressions[0].operator"]),
        Refusal(name: "lease durations are positive", path: leases,
                body: ["apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "l"], "spec": ["leaseDurationSeconds": 0]],
                causes: ["FieldValueInvalid spec.leaseDurationSeconds"]),
        Refusal(name: "lease times are micro times", path: leases,
                body: ["apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "l"], "spec": ["renewTime": "yesterday"]],
                code: 400),
        Refusal(name: "events need a time, a type and their object's namespace", path: events,
                body: ["apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": ["name": "e2"], "note": "x",
                       "regarding": ["kind": "ConfigMap", "name": "cm1", "namespace": "elsewhere"]],
                causes: ["FieldValueInvalid involvedObject.namespace", "FieldValueRequired eventTime", "FieldValueInvalid type"]),
        Refusal(name: "event types", path: events, body: { var bogus = Self.event; bogus["type"] = "Bogus"; return bogus }(),
                causes: ["FieldValueInvalid type"]),
        Refusal(name: "ingress path types", path: "/apis/networking.k8s.io/v1/namespaces/default/ingresses",
                body: ["apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": ["name": "ing"],
                       "spec": ["rules": [["http": ["paths": [["path": "/", "pathType": "Whatever",
                                                                "backend": ["service": ["name": "web", "port": ["number": 80]]]]]]]]]],
                causes: ["FieldValueNotSupported spec.rules[0].http.paths[0].pathType"]),
        Refusal(name: "claims need an access mode and a storage request", path: Valid.namespace + "/persistentvolumeclaims",
                body: ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "pvc"], "spec": ["accessModes": []]],
                causes: ["FieldValueRequired spec.accessModes", "FieldValueRequired spec.resources[storage]"]),
        Refusal(name: "role rules need verbs", path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
                body: ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "r"],
                       "rules": [["apiGroups": [""], "resources": ["configmaps"]]]],
                causes: ["FieldValueRequired rules[0].verbs"]),
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func eventErrorsNameTheCoreKind() async throws {
        try await KubeSandbox.withRunning { sandbox in
            var event = Self.event
            event["type"] = "Bogus"
            let response = try await SandboxClient(sandbox).post(Self.events, event)
            #expect(response.json["details"]?["kind"] == "Event")
            #expect(response.json["details"]?["group"] == nil)
            #expect(response.json["message"]?.stringValue?.hasPrefix("Event \"e\" is invalid: ") == true)
        }
    }

    @Test func validObjectsAreAccepted() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let policy = Self.networkPolicy([
                "podSelector": ["matchLabels": ["app": "web"]], "policyTypes": ["Ingress", "Egress"],
                "ingress": [["from": [["ipBlock": ["cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]]]], "ports": [["port": "http"]]]],
                "egress": [["to": [["namespaceSelector": [:]]], "ports": [["port": 53, "protocol": "UDP"]]]],
            ])
            let accepted = try await client.post(Self.networkPolicies, policy)
            #expect(accepted.status == 201, "\(accepted.text)")
            #expect(try await client.post(Self.autoscalers, Self.autoscaler(["minReplicas": 1, "maxReplicas": 3])).status == 201)
            #expect(try await client.post(Self.budgets, Self.budget(["maxUnavailable": "50%", "selector": ["matchLabels": ["app": "web"]]])).status == 201)
            #expect(try await client.post(Self.events, Self.event).status == 201)
        }
    }
}
