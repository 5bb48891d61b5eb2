import Foundation
import KubeModel
import Testing

/// Reports written as documents are judged: table and JSON straight to standard output, SARIF
/// and JUnit (whose heading needs every object) spooled to a temporary file first.
@Suite struct AuditReportStreamCLITests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/Fixtures/audit/stream")
    static let suffixes = ["table": "txt", "json": "json", "sarif": "sarif", "junit": "xml"]

    /// A mixed multi-document input (part of the `corpus` bench's corpus: workloads with mesh and
    /// log sidecars, Services, HPAs, PDBs, NetworkPolicies, a `kind: List`, CRDs, skipped kinds),
    /// then a document with a duplicate key, a Microservice, an HPA and a PodDisruptionBudget
    /// that a finding on an earlier workload points into. The expected files are the reports
    /// `audit` printed before it streamed them (built whole), byte for byte; re-record with
    /// `SHIPSHAPE_RECORD=1` after a deliberate change to a format, and review the diff.
    @Test(arguments: ["table", "json", "sarif", "junit"])
    func theStreamedReportIsTheExpectedOneByteForByte(format: String) async throws {
        let input = try String(contentsOf: Self.fixtures.appendingPathComponent("input.yaml"), encoding: .utf8)
        let expectedFile = Self.fixtures.appendingPathComponent("expected.\(Self.suffixes[format] ?? format)")
        for arguments in [["audit", "-o", format, "-"], ["audit", "-o", format, "-", "--fail-on", "none"]] {
            let run = try await CLIRun.run(arguments, stdin: input)
            #expect(run.status == 2, "the duplicate key makes the input invalid, whatever --fail-on says")
            #expect(run.standardError.contains("duplicate key \"name\""), "\(run.standardError)")
            if ProcessInfo.processInfo.environment["SHIPSHAPE_RECORD"] == "1" {
                try run.standardOutput.write(to: expectedFile, atomically: true, encoding: .utf8)
                Issue.record("recorded \(expectedFile.lastPathComponent): review the diff, then run the tests without SHIPSHAPE_RECORD")
                return
            }
            let expected = try String(contentsOf: expectedFile, encoding: .utf8)
            #expect(run.standardOutput == expected, "\(format) differs from \(expectedFile.lastPathComponent)")
        }
    }

    /// Past the held workloads, the second reading's reports are spooled with the first's: the
    /// JUnit counts written before them count every test case, SARIF has a result per finding.
    @Test func spooledFormatsCountWhatTheSecondReadingJudged() async throws {
        let count = 1_003
        let file = try CLI.temporaryFile(AuditStreamCLITests.manyWorkloads(count), name: "many.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }

        let junit = try await CLIRun.run(["audit", "-o", "junit", file.path])
        #expect(junit.status == 1, "\(junit.standardError)")
        let cases = junit.standardOutput.components(separatedBy: "<testcase ").count - 1
        let suites = junit.standardOutput.components(separatedBy: "<testsuite name=\"Deployment ops/web-").count - 1
        #expect(suites == count)
        #expect(junit.standardOutput.contains("<testsuites name=\"shipshape audit\" tests=\"\(cases)\""))
        #expect(junit.standardOutput.hasSuffix("</testsuites>\n"))

        let json = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "json", file.path]).standardOutput)
        let sarif = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "sarif", file.path]).standardOutput)
        let findings = json["objects"]?.arrayValue?.map { $0["findings"]?.arrayValue?.count ?? 0 }.reduce(0, +)
        #expect(sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue?.count == findings)
        #expect(findings ?? 0 > count)
    }

    /// Microservices with no workload before them and more of their reports and skipped objects
    /// than a spool holds in memory (so both spill to their temporary files): every format is
    /// well formed, with the Microservices' reports and every skipped object in input order.
    @Test func microservicesAndManySkippedObjectsAreSpooledInOrder() async throws {
        let count = 6_000
        let microservices = (0..<400).map { "ms-\($0)" }
        var text = ""
        for name in microservices {
            text += """
                apiVersion: shipshape.dev/v1alpha1
                kind: Microservice
                metadata: {name: \(name), namespace: demo}
                spec:
                  image: registry.example.com/demo/hello:1.0.0
                  ports: [{name: http, port: 8080}]
                ---

                """
        }
        for index in 0..<count { text += "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-\(index), namespace: demo}\n---\n" }
        let file = try CLI.temporaryFile(text, name: "skipped.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let names = (0..<count).map { "settings-\($0)" }

        let json = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "json", file.path]).standardOutput)
        #expect(json["objects"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == microservices)
        #expect(json["skipped"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == names)
        #expect(json["skipped"]?.arrayValue?.last?["line"] == .integer(7 * microservices.count + 4 * count - 3))

        let sarif = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "sarif", file.path]).standardOutput)
        let notifications = sarif[FieldPath(parsing: "runs[0].invocations[0].toolExecutionNotifications")]?.arrayValue ?? []
        #expect(notifications.count == count)
        #expect(sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue?.isEmpty == false)

        let table = try await CLIRun.run(["audit", file.path]).standardOutput
        let skippedLines = table.split(separator: "\n").filter { $0.hasPrefix("  skipped  ") }
        #expect(skippedLines.count == count)
        #expect(skippedLines.last?.hasSuffix("ConfigMap demo/settings-\(count - 1): ConfigMap is not a kind the checklist audits") == true)
        #expect(table.range(of: "Microservice demo/ms-399")?.lowerBound ?? table.endIndex < table.range(of: "Not judged")?.lowerBound ?? table.startIndex)

        let junit = try await CLIRun.run(["audit", "-o", "junit", file.path]).standardOutput
        #expect(junit.contains("<testsuite name=\"skipped\" tests=\"\(count)\" failures=\"0\" errors=\"0\" skipped=\"\(count)\">"))
        #expect(junit.hasSuffix("  </testsuite>\n</testsuites>\n"))
    }
}
