import Foundation
import KubeModel
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
