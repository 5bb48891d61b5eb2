import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// `shipshape audit --namespace` run as a user would, against a sandbox cluster.
@Suite struct LiveAuditTests {
    static let token = "cli-token"
    static let sandboxOptions = SandboxOptions(tls: true, tokens: [token: AuthenticatedUser(name: "auditor", groups: ["system:masters"])])
    static let repository = CLI.root

    @Test func aNamespaceWithAGoodAndABadDeploymentFailsOnTheBadOne() async throws {
        try await withShop { sandbox, kubeconfig in
            let table = try await CLIRun.run(["audit", "--namespace", "shop", "--kubeconfig", kubeconfig])
            #expect(table.status == 1, "\(table.standardError)")
            #expect(table.standardOutput.contains("Deployment shop/order-service"))
            #expect(table.standardOutput.contains("Deployment shop/legacy"))
            #expect(table.standardOutput.contains("image-pinned"))
            #expect(!table.standardOutput.contains("shop.yaml"), "live objects have no file")

            let json = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "--context", "sandbox", "-o", "json"])
            #expect(json.status == 1, "\(json.standardError)")
            let report = try JSONValue(parsingJSON: Array(json.standardOutput.utf8))
            let objects = try #require(report["objects"]?.arrayValue)
            let byName = Dictionary(objects.map { ($0["name"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            let errors = { (name: String) in
                byName[name]?["findings"]?.arrayValue?.filter { $0["severity"] == "error" }.compactMap { $0["rule"]?.stringValue } ?? []
            }
            #expect(byName["order-service"] != nil && errors("order-service").isEmpty)
            #expect(errors("legacy").contains("image-pinned"))
            #expect(errors("legacy").contains("memory-request"))
            #expect(objects.allSatisfy { $0["file"] == nil && $0["namespace"] == "shop" })
            let reads = await sandbox.requests().filter { $0.verb == "list" }
            #expect(reads.count == 24, "twelve kinds, read twice")
            #expect(reads.allSatisfy { $0.path.contains("/namespaces/shop/") && $0.query.contains("limit=") })
        }
    }

    @Test func theLiveAuditJudgesExactlyAsTheFileAuditDoes() async throws {
        try await withShop(bad: false) { _, kubeconfig in
            let rendered = try await CLIRun.run(["render", Self.repository.appendingPathComponent("Examples/shop").path])
            #expect(rendered.status == 0, "\(rendered.standardError)")
            let directory = NSTemporaryDirectory() + "shipshape-cli-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try rendered.standardOutput.write(toFile: directory + "/shop.yaml", atomically: true, encoding: .utf8)

            let fromFiles = try await CLIRun.run(["audit", directory + "/shop.yaml", "-o", "json", "--fail-on", "warning"])
            let live = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json", "--fail-on", "warning"])
            // The API server defaults spec.replicas to 1; hpa-owns-replicas still passes, as no one declared it.
            #expect(fromFiles.status == live.status)
            #expect(try Self.verdicts(fromFiles.standardOutput) == Self.verdicts(live.standardOutput))
            #expect(try Self.verdicts(live.standardOutput).count == 3)
        }
    }

    @Test func sarifAndJUnitNameTheClusterForLiveObjects() async throws {
        try await withShop { _, kubeconfig in
            let sarif = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "sarif"])
            #expect(sarif.status == 1)
            let results = try JSONValue(parsingJSON: Array(sarif.standardOutput.utf8))["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
            #expect(!results.isEmpty)
            #expect(results.allSatisfy { $0["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"] == "sandbox" })
            let junit = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "junit"])
            #expect(junit.status == 1)
            #expect(junit.standardOutput.contains("<testsuite name=\"Deployment shop/legacy\""))
            #expect(junit.standardOutput.contains("file=\"sandbox\""))
            #expect(junit.standardOutput.contains(">sandbox: spec.template.spec.containers[app].image is not pinned"))
        }
    }

    @Test func kindsTheClusterDoesNotServeAreSkippedWithANote() async throws {
        try await withShop { sandbox, kubeconfig in
            await sandbox.failNext(1, status: 404, method: "GET", pathContains: "/apis/batch/v1")
            let run = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig])
            #expect(run.status == 1)
            #expect(run.standardError.contains("note: jobs.batch/v1 is not served by this cluster; no Job was read"), "\(run.standardError)")
            #expect(run.standardError.contains("note: cronjobs.batch/v1 is not served"))
            let lists = await sandbox.requests().filter { $0.verb == "list" }
            #expect(lists.count == 10)
            #expect(!lists.contains { $0.path.contains("/apis/batch/") })
        }
    }

    @Test func aClusterThatRefusesTheCredentialsExits3() async throws {
        try await KubeSandbox.withRunning(Self.sandboxOptions) { sandbox in
            let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
            defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
            try sandbox.writeKubeconfig(to: kubeconfig, .token("wrong-token"))
            let run = try await CLIRun.run(["audit", "-A", "--kubeconfig", kubeconfig])
            #expect(run.status == 3)
            #expect(run.standardError.contains("401"), "\(run.standardError)")
            #expect(!run.standardError.contains("wrong-token"), "tokens are never printed")
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test func anUnreachableClusterExits3() async throws {
        let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
        // A sandbox that has stopped: its port no longer listens.
        try await KubeSandbox.withRunning { sandbox in try sandbox.writeKubeconfig(to: kubeconfig) }
        let run = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig])
        #expect(run.status == 3)
        #expect(run.standardError.contains("cannot audit http://127.0.0.1:"), "\(run.standardError)")
    }

    @Test(arguments: [
        ["audit", "file.yaml", "-n", "shop"], ["audit"], ["audit", "-n", "shop", "-A"],
    ])
    func filesAndClustersAreExclusive(arguments: [String]) async throws {
        let run = try await CLIRun.run(arguments)
        #expect(run.status == 2)
        #expect(!run.standardError.isEmpty)
    }

    /// Runs `body` with a sandbox holding the rendered shop in namespace `shop` (and, when
    /// `bad`, a Deployment that breaks the checklist) and the path of a kubeconfig for it.
    private func withShop(bad: Bool = true, _ body: (KubeSandbox, String) async throws -> Void) async throws {
        try await KubeSandbox.withRunning(Self.sandboxOptions) { sandbox in
            let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
            defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
            try sandbox.writeKubeconfig(to: kubeconfig, .token(Self.token))
            let client = try KubernetesClient(configuration: .load(kubeconfig: kubeconfig, environment: [:]))
            _ = try await client.resource(ResourceType.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            let rendered = try await CLIRun.run(["render", Self.repository.appendingPathComponent("Examples/shop").path, "-o", "json"])
            for item in try JSONValue(parsingJSON: Array(rendered.standardOutput.utf8))["items"]?.arrayValue ?? [] {
                let kind = try #require(item["kind"]?.stringValue)
                let resource = try #require(Self.resources[kind], "rendered kind \(kind)")
                _ = try await client.resource(resource, namespace: "shop").create(item)
            }
            if bad { _ = try await client.resource(ResourceType.deployments, namespace: "shop").create(Self.legacy) }
            await sandbox.clearRequests()
            try await body(sandbox, kubeconfig)
        }
    }

    static let resources = Dictionary(uniqueKeysWithValues: [
        ResourceType.deployments, .services, .horizontalPodAutoscalers, .podDisruptionBudgets, .networkPolicies, .serviceAccounts,
    ].map { ($0.kind, $0) })

    /// A Deployment as written years ago: a moving tag, no resources, no probes.
    static let legacy: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "legacy"],
        "spec": [
            "selector": ["matchLabels": ["app": "legacy"]],
            "template": [
                "metadata": ["labels": ["app": "legacy"]],
                "spec": ["containers": [["name": "app", "image": "registry.example.com/legacy:latest"]]],
            ],
        ],
    ]

    /// Each object's verdicts from a JSON report, keyed by kind/namespace/name, without locations.
    static func verdicts(_ json: String) throws -> [String: JSONValue] {
        let objects = try JSONValue(parsingJSON: Array(json.utf8))["objects"]?.arrayValue ?? []
        var verdicts: [String: JSONValue] = [:]
        for object in objects {
            let key = ["kind", "namespace", "name"].map { object[$0]?.stringValue ?? "" }.joined(separator: "/")
            let findings: [JSONValue] = (object["findings"]?.arrayValue ?? []).map { finding in
                var finding = finding
                finding["file"] = nil
                finding["line"] = nil
                return finding
            }
            verdicts[key] = ["score": object["score"] ?? .null, "passed": object["passed"] ?? .null,
                             "exempted": object["exempted"] ?? .null, "findings": .array(findings)]
        }
        return verdicts
    }
}
