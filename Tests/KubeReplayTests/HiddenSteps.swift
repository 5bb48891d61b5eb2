import KubeModel

/// Requests the recording harness made between cases without recording them (objects the
/// cases then read, delete or watch). Inferred from the recorded answers.
extension Replayer {
    mutating func runHiddenSteps(before seq: Int) async throws {
        switch seq {
        case 154:
            // 154 updates Deployment `gen` from a GET the harness made of it after creating it.
            _ = try await send("POST", "/apis/apps/v1/namespaces/fid-core/deployments", body: [
                "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "gen"],
                "spec": [
                    "replicas": 1, "selector": ["matchLabels": ["app": "gen"]],
                    "template": [
                        "metadata": ["labels": ["app": "gen"]],
                        "spec": ["containers": [["name": "app", "image": "nginx:1.27", "ports": [["containerPort": 8080]]]]],
                    ],
                ],
            ])
            templating.observe(try await send("GET", "/apis/apps/v1/namespaces/fid-core/deployments/gen").json)
        case 205:
            var p1 = Self.configMap("p1")
            p1["data"] = ["a": "1", "b": "2"]
            try await create("fid-patch", p1)
        case 214:
            try await create("fid-patch", [
                "apiVersion": "v1", "kind": "Service", "metadata": ["name": "ps"],
                "spec": [
                    "selector": ["app": "ps"],
                    "ports": [["name": "http", "port": 80, "targetPort": 80], ["name": "https", "port": 443, "targetPort": 443]],
                ],
            ], resource: "services")
        case 387:
            // Read by the list cases from 401 on: a second namespace's ConfigMap and two Secrets.
            try await create("fid-list2", Self.configMap("cm-z", labels: ["fidlist": "yes", "tier": "web"]))
            try await create("fid-list", ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "sec-o"], "type": "Opaque"],
                             resource: "secrets")
            try await create("fid-list", [
                "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "sec-t"],
                "type": "kubernetes.io/basic-auth", "data": ["username": "dQ=="],
            ], resource: "secrets")
        case 419:
            // 419 lists at "the rv before cm-f", so cm-f was created after 418.
            templating.named["rv before cm-f"] = try await listResourceVersion("/api/v1/namespaces/fid-list/configmaps")
            try await create("fid-list", Self.configMap("cm-f", labels: ["fidlist": "yes", "tier": "web"]))
        case 439:
            try await create("fid-watch", Self.configMap("pre", labels: ["w": "yes"]))
        case 462:
            try await create("fid-del", Self.configMap("f1", finalizers: ["fid.example.com/hold"]))
            for name in ["fg", "or", "bg", "bad", "pod-like"] { try await create("fid-del", Self.configMap(name)) }
            for name in ["dc1", "dc2"] { try await create("fid-del", Self.configMap(name, labels: ["dc": "yes"])) }
        case 484:
            _ = try await send("POST", "/api/v1/namespaces", body: [
                "apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "fid-del-ns", "labels": ["fid": "yes"]],
            ])
            try await create("fid-del-ns", Self.configMap("inside-held", finalizers: ["fid.example.com/hold"]))
        case 489:
            // The namespace is gone at 489: the harness released the held object after 488, and
            // waited for the namespace controller.
            _ = try await send("PATCH", "/api/v1/namespaces/fid-del-ns/configmaps/inside-held",
                               headers: ["Content-Type": "application/merge-patch+json"],
                               body: ["metadata": ["finalizers": nil]])
            try await waitForNamespaceGone("fid-del-ns")
        case 492: try await create("fid-gc", Self.configMap("o1"))
        case 495: try await create("fid-gc", Self.configMap("o2"))
        case 498: try await create("fid-gc", Self.configMap("o3"))
        case 518:
            // 529's SubjectAccessReview answer names the Role and RoleBinding: `cm-reader`.
            try await create("fid-auth", ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "limited"]], resource: "serviceaccounts")
            try await create("fid-auth", Self.configMap("readable"))
            _ = try await send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth/roles", body: [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": ["name": "cm-reader"],
                "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]]],
            ])
            _ = try await send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/fid-auth/rolebindings", body: [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": ["name": "cm-reader"],
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "cm-reader"],
                "subjects": [["kind": "ServiceAccount", "name": "limited", "namespace": "fid-auth"]],
            ])
        default:
            break
        }
    }

    /// A request body value the recording normalized away, inferred from the recorded answer.
    static func inferredBody(_ replayCase: ReplayCase, _ body: JSONValue) -> JSONValue {
        guard replayCase.seq == 132 else { return body }
        // 132 changed the allocated clusterIP; its answer names the address sent, 10.0.0.199.
        var body = body
        body["spec"]?["clusterIP"] = "10.0.0.199"
        body["spec"]?["clusterIPs"] = ["10.0.0.199"]
        return body
    }

    /// Creates an object and remembers it (owner references and templated bodies use its uid).
    @discardableResult
    mutating func create(_ namespace: String, _ object: JSONValue, resource: String = "configmaps") async throws -> JSONValue? {
        let observed = try await send("POST", "/api/v1/namespaces/\(namespace)/\(resource)", body: object)
        templating.observe(observed.json)
        return observed.json
    }

    static func configMap(_ name: String, labels: JSONValue? = nil, finalizers: [String]? = nil) -> JSONValue {
        var metadata: JSONValue = ["name": .string(name)]
        if let labels { metadata["labels"] = labels }
        if let finalizers { metadata["finalizers"] = .array(finalizers.map(JSONValue.string)) }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": ["k": "v"]]
    }
}
