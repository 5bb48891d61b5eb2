import Foundation
import KubeModel
import Testing

@Suite struct RenderCLITests {
    @Test func rendersTheShopAsTheGoldenFile() async throws {
        let run = try await CLIRun.run(["render", "--with", "prometheus-operator,istio", "Examples/shop"])
        #expect(run.status == 0, "\(run.standardError)")
        let golden = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/render/shop/expected.yaml"), encoding: .utf8)
        #expect(run.standardOutput == golden)
        #expect(run.standardError.isEmpty, "the shop passes its checklist and renders without warnings")
    }

    /// Kinds the cluster does not serve are left out with one note per provider, not a failure.
    @Test func unservedKindsAreNotedOnce() async throws {
        let run = try await CLIRun.run(["render", "--api-versions", "monitoring.coreos.com/v1/PrometheusRule", "Examples/shop"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("kind: PrometheusRule"))
        #expect(!run.standardOutput.contains("kind: ServiceMonitor"))
        let notes = run.standardError.split(separator: "\n")
        #expect(notes.count == 2, "\(run.standardError)")
        #expect(notes.first?.contains("3 ServiceMonitor (monitoring.coreos.com/v1 is not served); pass --with prometheus-operator") == true)
        #expect(notes.last?.contains("3 PeerAuthentication, 3 AuthorizationPolicy (security.istio.io/v1 is not served)") == true)
    }

    @Test func jsonIsAV1List() async throws {
        let run = try await CLIRun.run(["render", "-o", "json", "Examples/minimal.yaml"])
        #expect(run.status == 0)
        let list = try JSONValue(parsingJSON: run.standardOutput)
        #expect(list["kind"] == "List")
        #expect(list["items"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ==
                ["ServiceAccount", "Service", "Deployment", "PodDisruptionBudget", "NetworkPolicy"])
    }

    @Test func standardInputAndPassthrough() async throws {
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {a: b}\n"
        let input = try String(contentsOf: CLI.root.appendingPathComponent("Examples/minimal.yaml"), encoding: .utf8) + "---\n" + configMap
        let skipped = try await CLIRun.run(["render", "-"], stdin: input)
        #expect(skipped.status == 0)
        #expect(!skipped.standardOutput.contains("kind: ConfigMap"))
        #expect(skipped.standardError.contains("-:") && skipped.standardError.contains("skipped ConfigMap extra"))
        let passed = try await CLIRun.run(["render", "--passthrough", "-"], stdin: input)
        #expect(passed.standardOutput.hasSuffix("---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n"))
    }

    @Test func badInputExitsOneNamingFileLineAndField() async throws {
        let file = try CLI.temporaryFile("""
            apiVersion: shipshape.dev/v1alpha1
            kind: Microservice
            metadata: {name: orders, namespace: shop}
            spec:
              image: orders:1.0.0
              ports:
              - {name: http, port: 8080}
              - {name: grpc, port: 70000}
            """, name: "order.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["render", file.path])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "\(file.path):8: Microservice shop/orders: spec.ports[1].port: must be 1-65535\n")
    }

    @Test func missingFilesAndSyntaxErrorsExitTwo() async throws {
        let broken = try CLI.temporaryFile("kind: Microservice\nmetadata: [\n")
        defer { try? FileManager.default.removeItem(at: broken.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["render", "no/such/file.yaml", broken.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("no/such/file.yaml: no such file or directory"))
        #expect(run.standardError.contains("\(broken.path):"))
    }

    @Test func usageErrorsExitTwo() async throws {
        #expect(try await CLIRun.run(["render"]).status == 2)
        #expect(try await CLIRun.run(["render", "-o", "xml", "Examples/minimal.yaml"]).status == 2)
        #expect(try await CLIRun.run(["render", "--rule", "no-such-rule", "Examples/minimal.yaml"]).status == 2)
        #expect(try await CLIRun.run(["frobnicate"]).status == 2)
    }

    @Test func strictFailsOnErrorFindings() async throws {
        let demo = "Examples/checklist-demo/legacy-billing.yaml"
        let lenient = try await CLIRun.run(["render", demo])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("error    image-pinned"))
        #expect(!lenient.standardError.contains("not-a-real-password"))
        let strict = try await CLIRun.run(["render", "--strict", demo])
        #expect(strict.status == 1)
        #expect(strict.standardOutput.isEmpty)
    }

    @Test func crdCommandPrintsTheCommittedCRD() async throws {
        let run = try await CLIRun.run(["crd"])
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml"), encoding: .utf8)
        #expect(run.status == 0)
        #expect(run.standardOutput == committed)
    }
}
