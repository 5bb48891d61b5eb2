import KubeModel
import ShipshapeAPI
import Testing
@testable import Checklist

@Suite struct ExemptionTests {
    private let latest = ["\(Fixture.container).image": JSONValue.string("shop/orders:latest")] as [String: JSONValue?]

    @Test func objectAnnotationExemptsTheRule() throws {
        var edits = latest
        edits["metadata.annotations"] = yamlValue("{ shipshape.dev/exempt: 'image-pinned, cpu-limit', shipshape.dev/exempt-reason: 'vendor image, OPS-123' }")
        let report = try #require(Checklist().check(objects: Fixture.deployment(edits)).reports.first)
        #expect(report.findings.isEmpty)
        #expect(report.exempted.map(\.rule) == ["cpu-limit", "image-pinned"])
        #expect(report.exempted.allSatisfy { $0.reason == "vendor image, OPS-123" })
        #expect(!report.passed.contains("image-pinned"))
        #expect(!report.passed.contains("cpu-limit"))
        let waived = try #require(report.exemptedFindings.first)
        #expect(waived.status == .exempted(reason: "vendor image, OPS-123"))
        #expect(waived.rule == "image-pinned")
    }

    @Test func podTemplateAnnotationExemptsTheRule() throws {
        var edits = latest
        edits["spec.template.metadata.annotations"] = yamlValue("{ prometheus.io/scrape: 'true', shipshape.dev/exempt: image-pinned, shipshape.dev/exempt-reason: OPS-7 }")
        let report = try #require(Checklist().check(objects: Fixture.deployment(edits)).reports.first)
        #expect(report.findings.isEmpty)
        #expect(report.exempted.map(\.rule) == ["image-pinned"])
    }

    @Test func anExemptionWithoutAReasonIsIgnoredAndReported() throws {
        var edits = latest
        edits["metadata.annotations"] = yamlValue("{ shipshape.dev/exempt: image-pinned, shipshape.dev/exempt-reason: '  ' }")
        let report = try #require(Checklist().check(objects: Fixture.deployment(edits)).reports.first)
        #expect(report.failed == ["image-pinned", "exemption-reason"])
        #expect(report.exempted.isEmpty)
        let finding = try #require(report.findings.last)
        #expect(finding.path == FieldPath.root.key("metadata").key("annotations").key("shipshape.dev/exempt"))
    }

    @Test func microserviceExemptionsComeFromTheSpec() throws {
        let microservice = try readMicroservice(MicroserviceTests.designExample)
        let report = Checklist().check(microservice)
        #expect(report.exempted.map(\.rule) == ["image-pinned"])
        #expect(report.exempted.first?.reason == "vendor image, OPS-123")
        #expect(!report.passed.contains("image-pinned"))
    }

    @Test func aMicroserviceExemptionWithABlankReasonFails() throws {
        var microservice = try readMicroservice(MicroserviceTests.designExample)
        microservice.spec.checklist?.exemptions = [Exemption(rule: "cpu-limit", reason: ""), Exemption(rule: "no-such-rule", reason: "x")]
        let report = Checklist().check(microservice)
        #expect(report.failed.contains("exemption-reason"))
        #expect(report.failed.contains("cpu-limit"))
        #expect(report.findings.contains { $0.message == "spec.checklist.exemptions[no-such-rule] names unknown rule \"no-such-rule\"" })
    }
}
