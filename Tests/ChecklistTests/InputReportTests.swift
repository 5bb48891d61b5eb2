import KubeModel
import Testing
@testable import Checklist
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an audit does not judge is said: skipped objects with the reason, invalid documents
/// with their location, in every format; a workload that breaks the schema is still judged.
@Suite struct InputReportTests {
    static let text = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        ---
        apiVersion: v1
        kind: PodDisruptionBudget
        metadata: {name: orders, namespace: shop}
        spec: {minAvailable: 1, selector: {matchLabels: {app: orders}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: broken, namespace: shop}
        spec:
          replicas: "2"
          template:
            spec:
              containers:
              - image: shop/broken:latest
                ports: [{containerPort: "8080"}]
        """

    struct Audit {
        let sources: [SourceObject]
        let result: AuditResult
        var lookup: SourceLookup {
            let sources = self.sources
            return { ref in ref.inputIndex.flatMap { sources.indices.contains($0) ? sources[$0].origin : nil } }
        }
    }

    static func audit() throws -> Audit {
        let sources = try SourceReader.objects(in: text, file: "mixed.yaml")
        var result = Checklist().check(objects: sources.map(\.value))
        result.invalidInputs = [InputProblem(file: "bad.yaml", document: 2, line: 7, message: "duplicate key \"selector\" (first at line 5)")]
        return Audit(sources: sources, result: result)
    }

    @Test func skippedObjectsCarryTheirReason() throws {
        let result = try Self.audit().result
        #expect(result.skipped.map(\.object.kind) == ["ConfigMap", "PodDisruptionBudget"])
        #expect(result.skipped[0].reason == "ConfigMap is not a kind the checklist audits")
        #expect(result.skipped[1].reason == "apiVersion v1 does not serve PodDisruptionBudget (policy/v1 does)")
        #expect(result.skippedKinds == ["ConfigMap": 1, "PodDisruptionBudget (v1)": 1])
    }

    @Test func schemaBreaksAreFindingsAndTheRestIsJudged() throws {
        let report = try #require(try Self.audit().result.reports.first)
        let schema = report.findings.filter { $0.rule == "schema-valid" }.map(\.message)
        #expect(schema == [
            "spec.template.spec.containers[0].name is required",
            "spec.replicas must be an integer, not string",
            "spec.template.spec.containers[0].ports[0].containerPort must be an integer, not string",
        ])
        #expect(report.findings.allSatisfy { $0.rule != "schema-valid" || $0.severity == .error })
        #expect(report.findings.contains { $0.rule == "image-pinned" }, "the nameless container is still judged")
        #expect(report.findings.contains { $0.rule == "cpu-request" })
    }

    @Test func strictReadersGetTheSameProblems() {
        let objects = parse(Self.text)
        #expect(Checklist.schemaProblems(of: objects[2]).count == 3)
        #expect(Checklist.schemaProblems(of: objects[0]).isEmpty)
        #expect(Checklist.schemaProblems(of: Fixture.objects[0]).isEmpty, "the passing fixture is schema-valid")
    }

    @Test func invalidInputExitsTwoWhateverTheThreshold() throws {
        var result = try Self.audit().result
        #expect(result.exitStatus(failOn: nil) == 2)
        result.invalidInputs = []
        #expect(result.exitStatus(failOn: .error) == 1)
        #expect(result.exitStatus(failOn: nil) == 0)
    }

    @Test func tableListsWhatWasNotJudged() throws {
        let audit = try Self.audit()
        let text = audit.result.formatted(as: .table, sources: audit.lookup)
        #expect(text.contains("Not judged\n"))
        #expect(text.contains("  invalid  bad.yaml:7: duplicate key \"selector\" (first at line 5)\n"))
        #expect(text.contains("  skipped  mixed.yaml:1  ConfigMap shop/settings: ConfigMap is not a kind the checklist audits\n"))
        #expect(text.contains("  skipped  mixed.yaml:5  PodDisruptionBudget shop/orders: apiVersion v1 does not serve PodDisruptionBudget (policy/v1 does)\n"))
        #expect(text.contains("; 1 invalid document; skipped ConfigMap 1, PodDisruptionBudget (v1) 1; score "))
    }

    @Test func jsonListsInvalidAndSkipped() throws {
        let audit = try Self.audit()
        let json = try JSONValue(parsingJSON: audit.result.formatted(as: .json, sources: audit.lookup))
        #expect(json["invalid"] == [["file": "bad.yaml", "document": 2, "line": 7, "message": "duplicate key \"selector\" (first at line 5)"]])
        let skipped = try #require(json["skipped"]?.arrayValue)
        #expect(skipped.count == 2)
        #expect(skipped[1]["apiVersion"] == "v1")
        #expect(skipped[1]["line"] == 5)
        #expect(skipped[1]["reason"]?.stringValue?.contains("policy/v1") == true)
        #expect(json["summary"]?["invalid"] == 1)
    }

    @Test func sarifHasAnErrorResultPerInvalidDocumentAndNotesForSkipped() throws {
        let audit = try Self.audit()
        let sarif = try JSONValue(parsingJSON: audit.result.formatted(as: .sarif, sources: audit.lookup))
        let run = try #require(sarif["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        let invalid = try #require(run["results"]?.arrayValue?.first { $0["ruleId"] == "invalid-input" })
        #expect(invalid["level"] == "error")
        #expect(rules[try #require(invalid["ruleIndex"]?.intValue)]["id"] == "invalid-input")
        let physical = invalid[FieldPath(parsing: "locations[0].physicalLocation")]
        #expect(physical?["artifactLocation"]?["uri"] == "bad.yaml")
        #expect(physical?["region"]?["startLine"] == 7)
        let notes = try #require(run[FieldPath(parsing: "invocations[0].toolExecutionNotifications")]?.arrayValue)
        #expect(notes.count == 2)
        #expect(notes[1]["level"] == "note")
        #expect(notes[1]["message"]?["text"]?.stringValue?.hasPrefix("skipped PodDisruptionBudget shop/orders: apiVersion v1") == true)
        #expect(notes[1][FieldPath(parsing: "locations[0].physicalLocation.region.startLine")] == 5)
    }

    @Test func junitHasAnErroredTestcasePerInvalidDocument() throws {
        let audit = try Self.audit()
        let xml = audit.result.formatted(as: .junit, sources: audit.lookup)
        #expect(xml.contains("<testsuite name=\"invalid input\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"))
        #expect(xml.contains("<testcase name=\"bad.yaml:7\" classname=\"invalid input\" file=\"bad.yaml\" line=\"7\">\n      <error message=\"duplicate key &quot;selector&quot; (first at line 5)\" type=\"invalid-input\">"))
        #expect(xml.contains("<testcase name=\"ConfigMap shop/settings\" classname=\"skipped\" file=\"mixed.yaml\" line=\"1\">\n      <skipped message=\"ConfigMap is not a kind the checklist audits\"/>"))
        #expect(xml.contains("errors=\"1\""))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func ownedWorkloadsAreCountedNotListed() {
        let result = Checklist().check(objects: parse("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: orders-5d9f
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: orders, uid: x, controller: true}]
            spec: {template: {spec: {containers: [{name: api, image: "x:1"}]}}}
            """))
        #expect(result.skipped.first?.judgedThroughOwner == true)
        #expect(!result.formatted(as: .table).contains("Not judged"))
        #expect(result.formatted(as: .table).contains("skipped ReplicaSet (owned by a Deployment) 1"))
    }
}
