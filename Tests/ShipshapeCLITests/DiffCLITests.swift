import Controller
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import KubeSchema
import Render
import ShipshapeAPI
import Testing

/// `shipshape diff` run as a user would, against a sandbox cluster with the Microservice CRD.
@Suite struct DiffCLITests {
    static let token = "diff-token"
    static let sandboxOptions = SandboxOptions(tls: true, tokens: [token: AuthenticatedUser(name: "developer", groups: ["system:masters"])])

    static func microserviceYAML(adopt: Bool) -> String {
        """
        apiVersion: shipshape.dev/v1alpha1
        kind: Microservice
        metadata: {name: web, namespace: shop}
        spec:
          image: registry.example.com/shop/web:1.0.0
          adopt: \(adopt)
          ports: [{name: http, port: 8080}]
          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
          probes:
            readiness: {http: {path: /ready, port: http}}

        """
    }

    @Test func adoptionShowsTheTakeoverAndWritesNothing() async throws {
        try await withCluster { sandbox, client, kubeconfig in
            try await Self.createHandMade(client)
            let file = try CLI.temporaryFile(Self.microserviceYAML(adopt: true), name: "web.yaml")
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            await sandbox.clearRequests()
            let run = try await CLIRun.run(["diff", file.path, "--kubeconfig", kubeconfig])
            #expect(run.status == 1, "\(run.standardError)")
            let output = run.standardOutput
            #expect(output.contains("diff -u -N LIVE/apps.v1.Deployment.shop.web MERGED/apps.v1.Deployment.shop.web"))
            #expect(output.contains("--- LIVE/shipshape.dev.v1alpha1.Microservice.shop.web"), "the Microservice itself is new")
            #expect(output.contains("-      - name: app") || output.contains("-        name: app"), "the hand-made container goes:\n\(output)")
            #expect(output.contains("+        name: web") || output.contains("+      - name: web"), "Shipshape's container comes:\n\(output)")
            #expect(!output.contains("clusterIP:") || !output.split(separator: "\n").contains { $0.hasPrefix("-") && $0.contains("clusterIP") },
                    "the clusterIP is kept")
            #expect(!output.contains("-      app: web"), "the selector is kept")
            #expect(!output.contains("managedFields") && !output.contains("resourceVersion"))
            #expect(output.contains("+++ MERGED/networking.k8s.io.v1.NetworkPolicy.shop.web"), "new children are shown whole")
            let writes = await sandbox.requests().filter(\.isWrite)
            #expect(!writes.isEmpty)
            #expect(writes.allSatisfy { $0.query.contains("dryRun=All") }, "\(writes.map { "\($0.verb) \($0.path)?\($0.query)" })")
        }
    }

    @Test func withoutAdoptItReportsTheConflict() async throws {
        try await withCluster { _, client, kubeconfig in
            try await Self.createHandMade(client)
            let file = try CLI.temporaryFile(Self.microserviceYAML(adopt: false), name: "web.yaml")
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            let run = try await CLIRun.run(["diff", file.path, "--kubeconfig", kubeconfig])
            #expect(run.status == 1)
            #expect(run.standardOutput.contains("# Microservice shop/web: conflict, nothing would be applied: Deployment web exists and is not managed by Shipshape"))
            #expect(!run.standardOutput.contains("MERGED/apps.v1.Deployment"))
        }
    }

    @Test func whatTheOperatorAppliedShowsNoDifference() async throws {
        try await withCluster { _, client, kubeconfig in
            let file = try CLI.temporaryFile(Self.microserviceYAML(adopt: false), name: "web.yaml")
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            // As `kubectl apply --server-side` and the operator would leave it.
            let document = try #require(try SourceReader.objects(in: Self.microserviceYAML(adopt: false), file: "web.yaml").first)
            let created = try await client.resource(ResourceType.microservices, namespace: "shop").apply(document.value, fieldManager: "shipshape-diff")
            let microservice = try JSONValueDecoder().decode(Microservice.self, from: created)
            let uid = try #require(created["metadata"]?["uid"]?.stringValue)
            for object in Renderer(ownerUIDs: ["shop/web": uid]).render([microservice]).objects {
                let kind = try #require(ChildKind(rawValue: object.kind))
                _ = try await client.resource(kind.resource, namespace: "shop")
                    .apply(ChildComparison.stamped(object.value), fieldManager: MicroserviceReconciler.fieldManager, force: true)
            }
            let run = try await CLIRun.run(["diff", file.path, "--kubeconfig", kubeconfig])
            #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
            #expect(run.standardOutput.isEmpty)

            let changed = try CLI.temporaryFile(Self.microserviceYAML(adopt: false).replacingOccurrences(of: "web:1.0.0", with: "web:1.1.0"), name: "web.yaml")
            defer { try? FileManager.default.removeItem(at: changed.deletingLastPathComponent()) }
            let update = try await CLIRun.run(["diff", changed.path, "--kubeconfig", kubeconfig])
            #expect(update.status == 1)
            let lines = update.standardOutput.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("-") && $0.hasSuffix("image: registry.example.com/shop/web:1.0.0") }, "\(update.standardOutput)")
            #expect(lines.contains { $0.hasPrefix("+") && $0.hasSuffix("image: registry.example.com/shop/web:1.1.0") })
        }
    }

    @Test func badInputExits2AndStillDiffsTheRest() async throws {
        try await withCluster { _, _, kubeconfig in
            let good = try CLI.temporaryFile(Self.microserviceYAML(adopt: false), name: "web.yaml")
            defer { try? FileManager.default.removeItem(at: good.deletingLastPathComponent()) }
            let bad = try CLI.temporaryFile("apiVersion: shipshape.dev/v1alpha1\nkind: Microservice\nmetadata: {name: broken}\nspec: {replicas: many}\n",
                                            name: "broken.yaml")
            defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
            let run = try await CLIRun.run(["diff", good.path, bad.path, "--kubeconfig", kubeconfig])
            #expect(run.status == 2)
            #expect(run.standardError.contains("broken.yaml"), "\(run.standardError)")
            #expect(run.standardOutput.contains("MERGED/apps.v1.Deployment.shop.web"), "the good file is still compared")
        }
    }

    // MARK: fixtures

    private func withCluster(_ body: (KubeSandbox, KubernetesClient, String) async throws -> Void) async throws {
        var options = Self.sandboxOptions
        options.schemas = try OpenAPISchemas(directory: CLI.root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)
        try await KubeSandbox.withRunning(options) { sandbox in
            let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
            defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
            try sandbox.writeKubeconfig(to: kubeconfig, .token(Self.token))
            let client = try KubernetesClient(configuration: .load(kubeconfig: kubeconfig, environment: [:]))
            let crdPath = CLI.root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml").path
            let crd = try #require(try SourceReader.objects(in: try String(contentsOfFile: crdPath, encoding: .utf8), file: crdPath).first)
            _ = try await client.resource(ResourceType.customResourceDefinitions).create(crd.value)
            _ = try await client.resource(ResourceType.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]])
            try await body(sandbox, client, kubeconfig)
        }
    }

    static func createHandMade(_ client: KubernetesClient) async throws {
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
            "spec": [
                "replicas": 2,
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [["name": "app", "image": "registry.example.com/shop/web:0.9.0", "ports": [["containerPort": 8080]]]]],
                ],
            ],
        ]
        let service: JSONValue = [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
            "spec": ["selector": ["app": "web"], "ports": [["name": "http", "port": 8080, "targetPort": 8080]]],
        ]
        _ = try await client.resource(ResourceType.deployments, namespace: "shop").create(deployment, options: WriteOptions(fieldManager: "kubectl-create"))
        _ = try await client.resource(ResourceType.services, namespace: "shop").create(service, options: WriteOptions(fieldManager: "kubectl-create"))
    }
}
