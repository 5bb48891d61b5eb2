import Foundation
import KubeModel
import KubeClient
import KubeSandbox
import Testing

@Suite struct ImportCLITests {
    @Test func importsToStandardOutputAndTheResultRenders() async throws {
        let run = try await CLIRun.run(["import", "Tests/Fixtures/import/boutique"])
        #expect(run.status == 0, "\(run.standardError)")
        let golden = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/import/golden/boutique.yaml"), encoding: .utf8)
        #expect(run.standardOutput.replacingOccurrences(of: "Tests/Fixtures/import/", with: "") == golden, "the golden file names files from Tests/Fixtures/import")
        #expect(run.standardError.contains("Tests/Fixtures/import/boutique/frontend.yaml:3: Deployment boutique/frontend: imported;"))

        let imported = try CLI.temporaryFile(run.standardOutput, name: "boutique.yaml")
        defer { try? FileManager.default.removeItem(at: imported.deletingLastPathComponent()) }
        let rendered = try await CLIRun.run(["render", imported.path])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        #expect(rendered.standardOutput.contains("kind: Deployment") && rendered.standardOutput.contains("name: cartservice"))
    }

    @Test func writesOneFilePerMicroserviceAndPrintsTheDiff() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await CLIRun.run(["import", "-o", directory.path, "Tests/Fixtures/import/sockshop"])
        #expect(run.status == 1, "the StatefulSet is not importable: \(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["carts.yaml", "front-end.yaml", "orders.yaml"])
        #expect(run.standardError.contains("Tests/Fixtures/import/sockshop/carts.yaml:75: StatefulSet sock-shop/carts-db: not importable"))
        #expect(run.standardOutput.isEmpty)

        let diff = try await CLIRun.run(["import", "--diff", "Tests/Fixtures/import/podinfo"])
        #expect(diff.status == 0)
        #expect(diff.standardOutput.hasPrefix("--- Deployment demo/podinfo (Tests/Fixtures/import/podinfo/podinfo.yaml:3): pod template now\n"))
        #expect(diff.standardOutput.contains("~ spec.template.spec.containers[podinfod].name: \"podinfod\" -> \"podinfo\"\n"))
        #expect(!diff.standardOutput.contains("apiVersion: shipshape.dev"))
    }

    @Test func badInputExitsTwoAndStillImportsTheRest() async throws {
        let run = try await CLIRun.run(["import", "Tests/Fixtures/import/bad"])
        #expect(run.status == 2)
        #expect(run.standardOutput.contains("name: api"))
        #expect(run.standardError.contains("Tests/Fixtures/import/bad/unreadable/broken.yaml"))
        #expect(run.standardError.contains("Tests/Fixtures/import/bad/workloads.yaml:2: DaemonSet monitoring/node-exporter: not importable"))
        #expect(run.standardError.contains("Deployment monitoring/empty: spec.template.spec.containers is missing or not a list"))

        let usage = try await CLIRun.run(["import"])
        #expect(usage.status == 2 && usage.standardError.contains("nothing to import"))
    }

    @Test func aMissingContainerIsNotImportable() async throws {
        let run = try await CLIRun.run(["import", "--container", "app", "Tests/Fixtures/import/podinfo"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("podinfo.yaml:33: Deployment demo/podinfo: has no container \"app\" (--container); its containers: linkerd-proxy, podinfod"))
    }
}

/// `shipshape import --namespace` against a sandbox cluster holding the sock shop: live objects
/// carry the API server's defaults, which must not read as differences.
@Suite struct LiveImportTests {
    @Test func importsANamespaceAsTheFilesImport() async throws {
        try await KubeSandbox.withRunning(LiveAuditTests.sandboxOptions) { sandbox in
            let kubeconfig = NSTemporaryDirectory() + "shipshape-cli-\(UUID().uuidString).yaml"
            defer { try? FileManager.default.removeItem(atPath: kubeconfig) }
            try sandbox.writeKubeconfig(to: kubeconfig, .token(LiveAuditTests.token))
            let client = try KubernetesClient(configuration: .load(kubeconfig: kubeconfig, environment: [:]))
            _ = try await client.resource(ResourceType.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "sock-shop"]])
            let resources = LiveAuditTests.resources.merging(["StatefulSet": .statefulSets]) { $1 }
            let folder = CLI.root.appendingPathComponent("Tests/Fixtures/import/sockshop")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for object in try SourceReader.objects(in: text, file: file) {
                    let resource = try #require(resources[object.kind ?? ""], "kind \(object.kind ?? "")")
                    _ = try await client.resource(resource, namespace: "sock-shop").create(object.value)
                }
            }
            let run = try await CLIRun.run(["import", "--namespace", "sock-shop", "--kubeconfig", kubeconfig])
            #expect(run.status == 1, "the StatefulSet is not importable: \(run.standardError)")
            #expect(run.standardError.contains("StatefulSet sock-shop/carts-db: not importable"))
            #expect(!run.standardError.contains("without a rule"), "API defaults read as differences: \(run.standardError)")
            let names = try SourceReader.objects(in: run.standardOutput, file: "-").compactMap(\.name)
            #expect(names == ["carts", "front-end", "orders"])
            #expect(run.standardOutput.contains("create Secret carts-env in namespace sock-shop"))
            #expect(!run.standardOutput.contains("Tr0ub4dor"))
        }
    }
}
