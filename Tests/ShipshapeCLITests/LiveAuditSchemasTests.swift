import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import KubeSchema
import Testing

/// `audit --namespace` judges workloads against the schemas the cluster itself publishes at
/// `/openapi/v3`, and says so when it publishes none.
@Suite struct LiveAuditSchemasTests {
    static let token = "cli-token"

    @Test func theClustersOwnSchemasAreFetchedForTheWorkloadKinds() async throws {
        let schemas = try OpenAPISchemas(directory: CLI.root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)
        try await withLegacy(SandboxOptions(tls: true, tokens: [Self.token: AuthenticatedUser(name: "auditor", groups: ["system:masters"])],
                                            schemas: schemas)) { sandbox, kubeconfig in
            let run = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json"])
            #expect(run.status == 1, "\(run.standardError)")
            #expect(!run.standardError.contains("note:"), "\(run.standardError)")
            let fetched = await sandbox.requests().filter { $0.path.hasPrefix("/openapi/v3") }.map(\.path)
            #expect(Set(fetched) == ["/openapi/v3", "/openapi/v3/api/v1", "/openapi/v3/apis/apps/v1", "/openapi/v3/apis/batch/v1"])
            let report = try JSONValue(parsingJSON: run.standardOutput)
            #expect(report[FieldPath(parsing: "summary.rules.schema-valid.passed")] == 1, "the stored Deployment, defaults and all, is valid")
        }
    }

    @Test func aClusterWithoutSchemasGetsTheFieldCheckAndANote() async throws {
        try await withLegacy(SandboxOptions(tls: true, tokens: [Self.token: AuthenticatedUser(name: "auditor", groups: ["system:masters"])])) {
            _, kubeconfig in
            let run = try await CLIRun.run(["audit", "-n", "shop", "--kubeconfig", kubeconfig, "-o", "json"])
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardError.contains("schema-valid checks only the fields the rules read"), "\(run.standardError)")
            let report = try JSONValue(parsingJSON: run.standardOutput)
            #expect(report[FieldPath(parsing: "summary.rules.schema-valid.passed")] == 1)
        }
    }

    /// Runs `body` with a sandbox holding LiveAuditTests' legacy Deployment in namespace `shop`.
    private func withLegacy(_ options: SandboxOptions, _ body: (KubeSandbox, String) async throws -> Void) async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
            defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
            try sandbox.writeKubeconfig(to: kubeconfig, .token(Self.token))
            let client = try KubernetesClient(configuration: .load(kubeconfig: kubeconfig, environment: [:]))
            _ = try await client.resource(ResourceType.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            _ = try await client.resource(ResourceType.deployments, namespace: "shop").create(LiveAuditTests.legacy)
            await sandbox.clearRequests()
            try await body(sandbox, kubeconfig)
        }
    }
}
