import Foundation
import KubeModel
import Testing

/// `audit --schemas DIR`: every field of each workload judged against Kubernetes' OpenAPI v3
/// documents (read at run time from ../shared/kubernetes-openapi, as a cluster serves them).
@Suite struct AuditSchemasCLITests {
    static let schemas = CLI.root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path

    /// Three breaks the rules never read (line 7, 14, 17) and one they do (line 5).
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: "2"
          selector: {matchLabels: {app: api}}
          strategy: {type: 3}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
              - name: api
                image: shop/api:1.8.2
                imagePullPolicy: [Always]
                ports:
                - containerPort: 8080
                  protocl: TCP
        """

    static func schemaFindings(_ output: String) throws -> [String: Int] {
        let report = try JSONValue(parsingJSON: output)
        let findings = report["objects"]?.arrayValue?.first?["findings"]?.arrayValue ?? []
        var lines: [String: Int] = [:]
        for finding in findings where finding["rule"] == "schema-valid" {
            lines[finding["message"]?.stringValue ?? ""] = finding["line"]?.intValue ?? 0
        }
        return lines
    }

    @Test func withSchemasEveryFieldIsJudgedWithItsPathAndLine() async throws {
        let file = try CLI.temporaryFile(Self.deployment)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }

        let run = try await CLIRun.run(["audit", "--schemas", Self.schemas, "-o", "json", file.path])
        #expect(run.status == 1, "\(run.standardError)")
        let findings = try Self.schemaFindings(run.standardOutput)
        #expect(findings["spec.replicas must be an integer, not string"] == 5, "\(findings)")
        #expect(findings["spec.strategy.type must be a string, not integer"] == 7, "\(findings)")
        #expect(findings["spec.template.spec.containers[0].imagePullPolicy must be a string, not array"] == 14, "\(findings)")
        #expect(findings["spec.template.spec.containers[0].ports[0].protocl is not a field of Deployment (apps/v1)"] == 17, "\(findings)")
        #expect(findings.count == 4, "\(findings)")

        let without = try await CLIRun.run(["audit", "-o", "json", file.path])
        #expect(without.status == 1)
        #expect(try Self.schemaFindings(without.standardOutput).keys.sorted() == ["spec.replicas must be an integer, not string"],
                "without schemas, only the fields the rules read")

        let strict = try await CLIRun.run(["audit", "--schemas", Self.schemas, "--strict-input", file.path])
        #expect(strict.status == 2)
        #expect(strict.standardOutput.isEmpty)
        #expect(strict.standardError.contains("\(file.path):17: Deployment shop/api: spec.template.spec.containers[0].ports[0].protocl: is not a field"),
                "\(strict.standardError)")

        let sarif = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "--schemas", Self.schemas, "-o", "sarif", file.path]).standardOutput)
        let located = sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue?.filter { $0["ruleId"] == "schema-valid" }
            .compactMap { $0[FieldPath(parsing: "locations[0].physicalLocation.region.startLine")]?.intValue }
        #expect(located?.sorted() == [5, 7, 14, 17])
    }

    @Test func theShopIsValidAgainstTheSchemas() async throws {
        let rendered = try await CLIRun.run(["render", CLI.root.appendingPathComponent("Examples/shop").path])
        #expect(rendered.status == 0, "\(rendered.standardError)")
        let run = try await CLIRun.run(["audit", "--schemas", Self.schemas, "-o", "json", "--fail-on", "none", "-"], stdin: rendered.standardOutput)
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONValue(parsingJSON: run.standardOutput)
        #expect(report[FieldPath(parsing: "summary.rules.schema-valid.failed")] == 0)
        #expect(report[FieldPath(parsing: "summary.rules.schema-valid.passed")]?.intValue ?? 0 > 0)
    }

    @Test func aDirectoryWithoutTheWorkloadsDocumentsExits2() async throws {
        let file = try CLI.temporaryFile(Self.deployment)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let empty = file.deletingLastPathComponent().path
        try "{}".write(toFile: empty + "/apis__example.com__v1_openapi.json", atomically: true, encoding: .utf8)
        let run = try await CLIRun.run(["audit", "--schemas", empty, file.path])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("--schemas \(empty): none of the workloads' OpenAPI v3 documents"), "\(run.standardError)")

        let missing = try await CLIRun.run(["audit", "--schemas", empty + "/nowhere", file.path])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("--schemas \(empty)/nowhere: no such directory"), "\(missing.standardError)")
    }
}
