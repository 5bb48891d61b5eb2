import Checklist
import Foundation
import KubeModel
import Render
import ShipshapeAPI
import Testing

/// One checklist everywhere: what passes as a Microservice passes as the objects Shipshape
/// renders from it, rule for rule.
@Suite struct RenderAgreementTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func microservices(_ files: [String]) throws -> [Microservice] {
        try files.flatMap { file in
            let path = examples.appendingPathComponent(file).path
            return try SourceReader.objects(in: String(contentsOfFile: path, encoding: .utf8), file: path).map(MicroserviceReader.read)
        }
    }

    static let productionExamples = ["shop/order-service.yaml", "shop/product-catalog.yaml", "shop/notification-service.yaml", "minimal.yaml"]

    @Test func renderedExamplesPassEveryRule() throws {
        let services = try Self.microservices(Self.productionExamples)
        let rendered = Renderer().render(services)
        #expect(rendered.warnings.isEmpty)
        let result = Checklist().check(objects: rendered.objects.map(\.value))
        #expect(result.reports.count == services.count)
        #expect(result.findings.map(\.description) == [])
        #expect(result.reports.allSatisfy { $0.score == 100 })
    }

    /// Rendered for a cluster with the Prometheus Operator and Istio, where the checklist knows the mesh runs.
    @Test func specAndRenderedObjectsGetTheSameVerdicts() throws {
        let services = try Self.microservices(Self.productionExamples + ["checklist-demo/legacy-billing.yaml"])
        let rendered = Renderer(extensions: ExtensionOptions(served: Set(ExtensionKind.allCases))).render(services)
        var options = ChecklistOptions()
        options.meshDetected = true
        let objects = Checklist(options: options).check(objects: rendered.objects.map(\.value)).reports
        for service in services {
            let spec = Checklist(options: options).check(service)
            let workload = try #require(objects.first { $0.object.name == service.name && $0.object.namespace == service.metadata.namespace })
            #expect(Set(spec.failed) == Set(workload.failed), "\(service.key)")
            #expect(Set(spec.passed) == Set(workload.passed), "\(service.key)")
        }
    }

    @Test func theLegacyDemoFailsTheRulesItAdvertises() throws {
        let demo = try #require(try Self.microservices(["checklist-demo/legacy-billing.yaml"]).first)
        let failed = Set(Checklist().check(demo).failed)
        for rule in ["image-pinned", "replicas-ha", "no-inline-secrets", "probes-distinct", "run-as-non-root", "read-only-root-fs"] {
            #expect(failed.contains(rule), "\(rule)")
        }
    }
}
