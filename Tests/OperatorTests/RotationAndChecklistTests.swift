import Controller
import KubeClient
import KubeModel
import Testing

@Suite("Rotation, checklist and status against KubeSandbox", .serialized)
struct RotationAndChecklistTests {
    @Test("a Secret rotation rolls the pod template, and secret data is never requested")
    func secretRotation() async throws {
        try await Harness.withSandbox { harness in
            let secret: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "hello-db"], "stringData": ["url": "postgres://x"]]
            _ = try await harness.resource(.secrets).create(secret)
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("hello", extra: [
                    "secrets": [["env": "DATABASE_URL", "secret": "hello-db", "key": "url"]],
                ]))
                func templateHash() async throws -> String? {
                    try await harness.get(.deployments, "hello")?["spec"]?["template"]?["metadata"]?["annotations"]?.objectValue?
                        .first { $0.key.hasPrefix("shipshape.dev/") }?.value.stringValue
                }
                try await eventually("a config hash on the pod template") { try await templateHash() != nil }
                let before = try await templateHash()
                _ = try await harness.resource(.secrets).patch("hello-db", mergePatch: ["stringData": ["url": "postgres://y"]])
                try await eventually("a new config hash") { try await templateHash() != before }
            }
            let secretReads = await harness.sandbox.requests().filter { $0.path.contains("/secrets") && !$0.isWrite }
            #expect(!secretReads.isEmpty)
            for request in secretReads {
                #expect(request.verb != "get", "the operator never gets a Secret: \(request.path)")
                #expect(request.accept?.contains("as=PartialObjectMetadata") == true, "metadata only: \(request.path)?\(request.query)")
            }
        }
    }

    @Test("with secret rotation off, the operator sends no request about Secrets at all")
    func secretRotationOff() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator(try harness.makeOperator(secretRotation: false)) { shipshape in
                try await harness.create(Fixtures.microservice("hello", extra: [
                    "secrets": [["env": "DATABASE_URL", "secret": "hello-db", "key": "url"]],
                ]))
                try await eventually("the Deployment") { try await harness.get(.deployments, "hello") != nil }
                try await harness.settle(shipshape)
            }
            #expect(await harness.sandbox.requests().filter { $0.path.contains("/secrets") }.map(\.path) == [])
        }
    }

    @Test("enforce keeps a failing spec from being applied; warn applies it; findings reach status either way")
    func enforceAndWarn() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { shipshape in
                func gauge(_ outcome: String) -> Bool {
                    shipshape.metrics.exposition().contains(#"shipshape_microservices{checklist="\#(outcome)"} 1.0"#)
                }
                try await harness.create(Fixtures.microservice("lax", extra: ["resources": .null]))
                try await eventually("checklist status") {
                    try await harness.status("lax")?.condition("ChecklistPassed")?["reason"]?.stringValue == "Blocked"
                }
                let blocked = try #require(try await harness.status("lax"))
                #expect(blocked.condition("Ready")?["reason"]?.stringValue == "ChecklistBlocked")
                #expect((blocked["checklist"]?["findings"]?.arrayValue ?? []).contains { $0["rule"]?.stringValue == "memory-request" })
                #expect(try await harness.get(.deployments, "lax") == nil)
                #expect(gauge("blocked"))

                try await harness.mergePatch("lax", ["spec": ["checklist": ["mode": "warn"]]])
                try await eventually("applied in warn mode") { try await harness.get(.deployments, "lax") != nil }
                try await eventually("findings still reported") {
                    try await harness.status("lax")?.condition("ChecklistPassed")?["reason"]?.stringValue == "ErrorFindings"
                }
                #expect(gauge("failed") && !gauge("blocked"))
            }
        }
    }

    @Test("a spec the CRD admits but the consistency checks refuse is reported as InvalidSpec and not applied")
    func invalidSpec() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                // Without the webhook the API server admits this: only Shipshape's own checks know the port is undeclared.
                let probes: JSONValue = ["readiness": ["http": ["path": "/ready", "port": "web"]]]
                try await harness.create(Fixtures.microservice("odd", extra: ["probes": probes]))
                try await eventually("InvalidSpec status") {
                    try await harness.status("odd")?.condition("Ready")?["reason"]?.stringValue == "InvalidSpec"
                }
                let status = try #require(try await harness.status("odd"))
                #expect(status.condition("Ready")?["message"]?.stringValue?.contains("spec.probes.readiness.http.port: \"web\" is not a declared port") == true)
                #expect(status.condition("Degraded")?["reason"]?.stringValue == "InvalidSpec")
                #expect(try await harness.get(.deployments, "odd") == nil)

                try await harness.mergePatch("odd", ["spec": ["probes": ["readiness": ["http": ["path": "/ready", "port": "http"]]]]])
                try await eventually("applied once fixed") { try await harness.get(.deployments, "odd") != nil }
            }
        }
    }

    @Test("a stalled rollout is Degraded with the Deployment's reason")
    func degraded() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("the Deployment") { try await harness.get(.deployments, "hello") != nil }
                try await harness.rollOut("hello", replicas: 2, ready: 1, progressing: [
                    "type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
                    "message": "ReplicaSet \"hello-1\" has timed out progressing.",
                    "lastTransitionTime": "2025-01-01T00:00:00Z", "lastUpdateTime": "2025-01-01T00:00:00Z",
                ])
                try await eventually("Degraded") {
                    try await harness.status("hello")?.condition("Degraded")?["reason"]?.stringValue == "ProgressDeadlineExceeded"
                }
                let status = try #require(try await harness.status("hello"))
                #expect(status.condition("Ready")?["status"]?.stringValue == "False")
                #expect(status["readyReplicas"]?.intValue == 1)
            }
        }
    }

    @Test("dropped watches and 410 Gone: changes made meanwhile still converge")
    func watchResilience() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("the Deployment") { try await harness.get(.deployments, "hello") != nil }
                await harness.sandbox.dropWatches()
                try await harness.mergePatch("hello", ["spec": ["replicas": 4]])
                try await eventually("replicas 4") { try await harness.get(.deployments, "hello")?["spec"]?["replicas"]?.intValue == 4 }

                await harness.sandbox.clearRequests()
                // A later write leaves the Microservice watch's version behind the compaction.
                _ = try await harness.resource(.configMaps).create(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "bump"]])
                await harness.sandbox.compactHistory()
                await harness.sandbox.dropWatches()
                try await harness.mergePatch("hello", ["spec": ["replicas": 5]])
                _ = try await harness.resource(.services).delete("hello")
                try await eventually("replicas 5 after a relist") {
                    try await harness.get(.deployments, "hello")?["spec"]?["replicas"]?.intValue == 5
                }
                try await eventually("the Service back") { try await harness.get(.services, "hello") != nil }
                let requests = await harness.sandbox.requests()
                // Re-watching from a compacted version gets 410 Gone, which only a relist answers.
                #expect(requests.contains { $0.verb == "list" && $0.path.hasSuffix("/microservices") })
            }
        }
    }
}
