import KubeModel
import Testing
@testable import Checklist
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An audit of a file with known lines: the fixture with a pinned-less image (exempted with an
/// awkward reason), no CPU request, and a PDB that blocks eviction.
struct ReportFixture {
    let sources: [SourceObject]
    let result: AuditResult

    init() throws {
        var objects = Fixture.deployment([
            "\(Fixture.container).resources.requests.cpu": nil,
            "\(Fixture.container).image": "shop/orders:latest",
            "metadata.annotations": yamlValue("{ shipshape.dev/exempt: image-pinned, shipshape.dev/exempt-reason: 'a <b> & \"c\"' }"),
        ])
        objects = objects.map { $0["kind"] == "PodDisruptionBudget" ? $0.setting("spec.maxUnavailable", 0) : $0 }
        objects.append(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "settings"]])
        let text = objects.map { $0.yamlText() }.joined(separator: "---\n")
        sources = try SourceReader.objects(in: text, file: "deploy/my orders.yaml")
        result = Checklist().check(objects: sources.map(\.value))
    }

    var lookup: SourceLookup {
        let sources = self.sources
        return { ref in ref.inputIndex.flatMap { sources.indices.contains($0) ? sources[$0].origin : nil } }
    }

    func line(of object: Int, _ path: String) -> Int? { sources[object].origin.line(of: FieldPath(parsing: path)) }
}

@Suite struct ReportTests {
    @Test func tableGroupsByObjectWithLocationsAndSummaries() throws {
        let fixture = try ReportFixture()
        let text = fixture.result.formatted(as: .table, sources: fixture.lookup)
        let cpuLine = try #require(fixture.line(of: 0, "spec.template.spec.containers[0].resources.requests"))
        #expect(text.hasPrefix("Deployment shop/orders  (deploy/my orders.yaml:1)  score "))
        #expect(text.contains("error    cpu-request          deploy/my orders.yaml:\(cpuLine)  spec.template.spec.containers[api].resources.requests.cpu is not set"))
        #expect(text.contains("fix: Set resources.requests.cpu"))
        #expect(text.contains("exempt   image-pinned"))
        #expect(text.contains("(exempted: a <b> & \"c\")"))
        #expect(text.contains("  2 errors, 0 warnings, 1 exempted, "))
        #expect(text.contains("1 object: 2 errors, 0 warnings, 1 exempted, "))
        #expect(text.contains("skipped ConfigMap 1; score "))
        #expect(!text.contains("\u{1B}["))
        #expect(fixture.result.formatted(as: .table, sources: fixture.lookup, color: true).contains("\u{1B}[31merror"))
    }

    @Test func jsonRoundTripsWithFindingsAndSummary() throws {
        let fixture = try ReportFixture()
        let json = try JSONValue(parsingJSON: fixture.result.formatted(as: .json, sources: fixture.lookup))
        #expect(json["schemaVersion"] == 1)
        let object = try #require(json["objects"]?.arrayValue?.first)
        #expect(object["kind"] == "Deployment")
        #expect(object["file"] == "deploy/my orders.yaml")
        let findings = try #require(object["findings"]?.arrayValue)
        let cpu = try #require(findings.first { $0["rule"] == "cpu-request" })
        #expect(cpu["severity"] == "error")
        #expect(cpu["status"] == "failed")
        #expect(cpu["path"] == "spec.template.spec.containers[api].resources.requests.cpu")
        #expect(cpu["line"]?.intValue == fixture.line(of: 0, "spec.template.spec.containers[0].resources.requests"))
        let pdb = try #require(findings.first { $0["rule"] == "pdb-allows-eviction" })
        #expect(pdb["relatedObject"]?["kind"] == "PodDisruptionBudget")
        #expect(pdb["line"]?.intValue == fixture.line(of: 2, "spec.maxUnavailable"))
        let image = try #require(findings.first { $0["rule"] == "image-pinned" })
        #expect(image["status"] == "exempted")
        #expect(image["reason"] == "a <b> & \"c\"")
        #expect(json["summary"]?["errors"] == 2)
        #expect(json["summary"]?["skipped"]?["ConfigMap"] == 1)
        #expect(json["summary"]?["rules"]?["cpu-request"]?["failed"] == 1)
    }

    @Test func sarifHasTheShapeCodeScanningNeeds() throws {
        let fixture = try ReportFixture()
        let sarif = try JSONValue(parsingJSON: fixture.result.formatted(as: .sarif, sources: fixture.lookup))
        #expect(sarif["$schema"]?.stringValue?.contains("sarif-2.1.0") == true)
        #expect(sarif["version"] == "2.1.0")
        let run = try #require(sarif["runs"]?.arrayValue?.first)
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"] == "shipshape")
        #expect(driver["informationUri"]?.stringValue?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"]?.arrayValue)
        #expect(rules.count == Catalogue.rules.count + 1)
        #expect(rules.last?["id"] == "invalid-input")
        for rule in rules {
            #expect(rule["id"]?.stringValue != nil)
            #expect(rule["shortDescription"]?["text"]?.stringValue != nil)
            #expect(rule["fullDescription"]?["text"]?.stringValue != nil)
            #expect(rule["help"]?["text"]?.stringValue != nil)
            #expect(["error", "warning"].contains(rule["defaultConfiguration"]?["level"]?.stringValue ?? ""))
            #expect(rule["properties"]?["tags"]?.arrayValue?.isEmpty == false)
        }
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 3)
        for result in results {
            let index = try #require(result["ruleIndex"]?.intValue)
            #expect(rules[index]["id"] == result["ruleId"])
            #expect(["error", "warning", "note"].contains(result["level"]?.stringValue ?? ""))
            #expect(result["message"]?["text"]?.stringValue?.hasPrefix("Deployment shop/orders: ") == true)
            let physical = try #require(result["locations"]?.arrayValue?.first?["physicalLocation"])
            #expect(physical["artifactLocation"]?["uri"] == "deploy/my%20orders.yaml")
            #expect((physical["region"]?["startLine"]?.intValue ?? 0) >= 1)
        }
        let cpu = try #require(results.first { $0["ruleId"] == "cpu-request" })
        #expect(cpu["locations"]?.arrayValue?.first?["physicalLocation"]?["region"]?["startLine"]?.intValue
            == fixture.line(of: 0, "spec.template.spec.containers[0].resources.requests"))
        #expect(cpu["suppressions"] == nil)
        let image = try #require(results.first { $0["ruleId"] == "image-pinned" })
        #expect(image["suppressions"]?.arrayValue?.first?["justification"] == "a <b> & \"c\"")
        #expect(image["suppressions"]?.arrayValue?.first?["kind"] == "inSource")
    }

    @Test func junitIsWellFormedAndEscaped() throws {
        let fixture = try ReportFixture()
        let xml = fixture.result.formatted(as: .junit, sources: fixture.lookup)
        #expect(xml.contains("<testsuite name=\"Deployment shop/orders\""))
        #expect(xml.contains("<testcase name=\"cpu-request\" classname=\"Deployment shop/orders\">\n      <failure message="))
        #expect(xml.contains("<skipped message=\"exempted: a &lt;b&gt; &amp; &quot;c&quot;\"/>"))
        #expect(xml.contains("<testcase name=\"memory-request\" classname=\"Deployment shop/orders\"/>"))
        let report = try #require(fixture.result.reports.first)
        #expect(xml.contains("tests=\"\(report.results.count)\" failures=\"2\" errors=\"0\" skipped=\"1\""))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func rulesAreListedAndExplained() throws {
        let table = RulesListing.table()
        for rule in Catalogue.rules { #expect(table.contains(rule.id)) }
        #expect(table.split(separator: "\n").count == Catalogue.rules.count + 1)
        let rule = try #require(Catalogue.rule("image-pinned"))
        let explanation = RulesListing.explanation(of: rule)
        #expect(explanation.contains("Fails:\n    containers:\n      - name: api\n        image: registry.example.com/shop/api:latest"))
        #expect(explanation.contains("Passes:"))
        #expect(RulesListing.explanation(of: try #require(Catalogue.rule("seccomp"))).contains("baseline (stricter at restricted)"))
    }

    @Test func everyRuleIsDocumented() {
        #expect(Set(Catalogue.rules.map(\.id)).count == Catalogue.rules.count)
        for rule in Catalogue.rules {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.title.isEmpty && !rule.remediation.isEmpty && !rule.failingExample.isEmpty && !rule.passingExample.isEmpty)
            #expect(rule.failingExample != rule.passingExample, "\(rule.id)")
        }
    }

    @Test func objectReportsBecomeMicroserviceStatus() throws {
        let fixture = try ReportFixture()
        let status = try #require(fixture.result.reports.first).checklistStatus
        #expect(status.summary == "2 errors")
        #expect(status.failed == 2)
        #expect(status.exempted == 1)
        #expect(status.findings?.first?.path == "spec.template.spec.containers[api].resources.requests.cpu")
        #expect(try #require(Checklist().check(objects: Fixture.objects).reports.first).checklistStatus.summary == "43/43 passed")
    }
}
