import Foundation
import KubeModel
import Testing

@Suite struct RenderCLITests {
    @Test func rendersTheShopAsTheGoldenFile() throws {
        let run = try CLI.run(["render", "Examples/shop"])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/render/shop/expected.yaml"), encoding: .utf8)
        #expect(run.stdout == golden)
        #expect(run.stderr.isEmpty, "the shop passes its checklist and renders without warnings")
    }

    @Test func jsonIsAV1List() throws {
        let run = try CLI.run(["render", "-o", "json", "Examples/minimal.yaml"])
        #expect(run.status == 0)
        let list = try JSONValue(parsingJSON: run.stdout)
        #expect(list["kind"] == "List")
        #expect(list["items"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ==
                ["ServiceAccount", "Service", "Deployment", "PodDisruptionBudget", "NetworkPolicy"])
    }

    @Test func standardInputAndPassthrough() throws {
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {a: b}\n"
        let input = try String(contentsOf: CLI.root.appendingPathComponent("Examples/minimal.yaml"), encoding: .utf8) + "---\n" + configMap
        let skipped = try CLI.run(["render", "-"], stdin: input)
        #expect(skipped.status == 0)
        #expect(!skipped.stdout.contains("kind: ConfigMap"))
        #expect(skipped.stderr.contains("-:") && skipped.stderr.contains("skipped ConfigMap extra"))
        let passed = try CLI.run(["render", "--passthrough", "-"], stdin: input)
        #expect(passed.stdout.hasSuffix("---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n"))
    }

    @Test func badInputExitsOneNamingFileLineAndField() throws {
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
        let run = try CLI.run(["render", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(file.path):8: Microservice shop/orders: spec.ports[1].port: must be 1-65535\n")
    }

    @Test func missingFilesAndSyntaxErrorsExitOne() throws {
        let broken = try CLI.temporaryFile("kind: Microservice\nmetadata: [\n")
        defer { try? FileManager.default.removeItem(at: broken.deletingLastPathComponent()) }
        let run = try CLI.run(["render", "no/such/file.yaml", broken.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no/such/file.yaml: no such file or directory"))
        #expect(run.stderr.contains("\(broken.path):"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["render"]).status == 2)
        #expect(try CLI.run(["render", "-o", "xml", "Examples/minimal.yaml"]).status == 2)
        #expect(try CLI.run(["render", "--rule", "no-such-rule", "Examples/minimal.yaml"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }

    @Test func strictFailsOnErrorFindings() throws {
        let demo = "Examples/checklist-demo/legacy-billing.yaml"
        let lenient = try CLI.run(["render", demo])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("error    image-pinned"))
        #expect(!lenient.stderr.contains("not-a-real-password"))
        let strict = try CLI.run(["render", "--strict", demo])
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
    }

    @Test func crdCommandPrintsTheCommittedCRD() throws {
        let run = try CLI.run(["crd"])
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml"), encoding: .utf8)
        #expect(run.status == 0)
        #expect(run.stdout == committed)
    }
}
