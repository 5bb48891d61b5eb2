import Foundation
import KubeModel
import Testing

@Suite struct AuditFilesCLITests {
    static let careless = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: legacy, namespace: ops}
        spec:
          replicas: 1
          selector: {matchLabels: {app: legacy}}
          template:
            metadata: {labels: {app: legacy}}
            spec:
              containers:
              - name: app
                image: legacy:latest
        """

    @Test func examplesPassAndExitZero() async throws {
        let run = try await CLIRun.run(["audit", "Examples/shop", "Examples/minimal.yaml"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("0 errors, 0 warnings"))
    }

    /// The operator's own install passes the checklist it enforces.
    @Test func deployPassesItsOwnChecklist() async throws {
        let run = try await CLIRun.run(["audit", "--fail-on", "warning", "Deploy/"])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("0 errors, 0 warnings"))
    }

    @Test func findingsExitOneAndNameTheLine() async throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["audit", file.path])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("Deployment ops/legacy"))
        let pinned = run.standardOutput.split(separator: "\n").first { $0.contains("image-pinned") }
        #expect(pinned?.contains("error") == true)
        #expect(pinned?.contains("\(file.path):12 ") == true, "the image line")
        #expect(try await CLIRun.run(["audit", "--fail-on", "none", file.path]).status == 0)
        let errorsOnly = try await CLIRun.run(["audit", "--rule", "replicas-ha", "--fail-on", "error", file.path])
        #expect(errorsOnly.status == 0, "replicas-ha is a warning")
        #expect(try await CLIRun.run(["audit", "--rule", "replicas-ha", "--fail-on", "warning", file.path]).status == 1)
    }

    @Test func sarifIsShapedForCodeScanning() async throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["audit", "-o", "sarif", file.path])
        #expect(run.status == 1)
        let sarif = try JSONValue(parsingJSON: run.standardOutput)
        #expect(sarif["version"] == "2.1.0")
        let results = try #require(sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue)
        let pinned = try #require(results.first { $0["ruleId"] == "image-pinned" })
        #expect(pinned["level"] == "error")
        #expect(pinned[FieldPath(parsing: "locations[0].physicalLocation.region.startLine")] == 12)
        #expect(pinned[FieldPath(parsing: "locations[0].physicalLocation.artifactLocation.uri")]?.stringValue?.hasSuffix("legacy.yaml") == true)
    }

    @Test func jsonAndJUnitFormats() async throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let json = try await CLIRun.run(["audit", "-o", "json", file.path])
        #expect(try JSONValue(parsingJSON: json.standardOutput)["summary"] != nil)
        let junit = try await CLIRun.run(["audit", "-o", "junit", file.path])
        #expect(junit.standardOutput.hasPrefix("<?xml"))
        #expect(junit.standardOutput.contains("<testsuites"))
        #expect(junit.standardOutput.contains("<failure"))
    }

    @Test func invalidInputExitsTwo() async throws {
        let file = try CLI.temporaryFile("kind: Deployment\nmetadata: {name: [x\n", name: "broken.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["audit", file.path])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("\(file.path):"))
        #expect(try await CLIRun.run(["audit", "--profile", "pss-strictest", file.path]).status == 2)
    }

    @Test func malformedWorkloadsAreRefusedUnderStrictInput() async throws {
        let file = try CLI.temporaryFile("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: x}\nspec:\n  template:\n    spec:\n      containers: nope\n", name: "bad.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["audit", "--strict-input", file.path])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "\(file.path):7: Deployment x/d: spec.template.spec.containers: must be a list of containers, not string\n")
        let lenient = try await CLIRun.run(["audit", file.path])
        #expect(lenient.status == 1, "judged, with a schema-valid error")
        #expect(lenient.standardOutput.contains("schema-valid"))
        #expect(lenient.standardOutput.contains("\(file.path):7  spec.template.spec.containers must be a list of containers, not string"))
    }

    @Test func profilesSelectPodSecurityRulesOnly() async throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let restricted = try await CLIRun.run(["audit", "--profile", "pss-restricted", "-o", "json", file.path])
        let baseline = try await CLIRun.run(["audit", "--profile", "pss-baseline", "-o", "json", file.path])
        #expect(restricted.standardOutput.contains("run-as-non-root"))
        #expect(!restricted.standardOutput.contains("image-pinned"))
        #expect(!baseline.standardOutput.contains("run-as-non-root"))
    }

    @Test func rulesListsAndExplains() async throws {
        let list = try await CLIRun.run(["rules"])
        #expect(list.status == 0)
        for rule in ["cpu-request", "image-pinned", "network-policy", "graceful-shutdown", "standard-labels"] {
            #expect(list.standardOutput.contains(rule))
        }
        let one = try await CLIRun.run(["rules", "graceful-shutdown"])
        #expect(one.status == 0)
        #expect(one.standardOutput.contains("preStop"))
        #expect(try await CLIRun.run(["rules", "nope"]).status == 2)
    }

    /// Two files in a directory, one with a duplicate key, a syntax error and a typo'd apiVersion
    /// between good documents: every good document is judged, every bad one located, in each format.
    static let mixed = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: first, namespace: ops}
        spec:
          selector: {matchLabels: {app: first}}
          selector: {matchLabels: {app: again}}
          template: {spec: {containers: [{name: app, image: "first:1.0"}]}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: second, namespace: ops}
        spec:
          template: {spec: {containers: [{name: app, image: "second:1.0"}]}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: broken
        ---
        apiVersion: v1
        kind: PodDisruptionBudget
        metadata: {name: second, namespace: ops}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: third, namespace: ops}
        spec:
          template: {spec: {containers: [{name: db, image: "db:16"}]}}
        """

    @Test func oneBadDocumentNeverHidesTheRest() async throws {
        let file = try CLI.temporaryFile(Self.mixed, name: "mixed.yaml")
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.careless.write(to: directory.appendingPathComponent("legacy.yaml"), atomically: true, encoding: .utf8)

        let table = try await CLIRun.run(["audit", directory.path])
        #expect(table.status == 2)
        for object in ["Deployment ops/second", "StatefulSet ops/third", "Deployment ops/legacy"] {
            #expect(table.standardOutput.contains(object), "\(object)")
        }
        #expect(table.standardOutput.contains("invalid  \(file.path):6: duplicate key \"selector\" (first at line 5)"))
        #expect(table.standardOutput.contains("invalid  \(file.path):17: ") || table.standardOutput.contains("invalid  \(file.path):18: "))
        #expect(table.standardOutput.contains("skipped  \(file.path):19  PodDisruptionBudget ops/second: apiVersion v1 does not serve PodDisruptionBudget (policy/v1 does)"))
        #expect(table.standardError.contains("\(file.path):6: duplicate key"))

        let json = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "json", directory.path]).standardOutput)
        #expect(json["objects"]?.arrayValue?.count == 3)
        let lines = json["invalid"]?.arrayValue?.compactMap { $0["line"]?.intValue } ?? []
        #expect(lines.count == 2 && lines.first == 6 && (17...18).contains(lines.last ?? 0), "\(lines)")
        #expect(json["skipped"]?.arrayValue?.first?["kind"] == "PodDisruptionBudget")

        let sarifRun = try await CLIRun.run(["audit", "-o", "sarif", directory.path])
        #expect(sarifRun.status == 2)
        let sarif = try JSONValue(parsingJSON: sarifRun.standardOutput)
        let invalid = sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue?.filter { $0["ruleId"] == "invalid-input" } ?? []
        #expect(invalid.compactMap { $0[FieldPath(parsing: "locations[0].physicalLocation.region.startLine")]?.intValue } == lines)
        #expect(invalid.allSatisfy { $0["level"] == "error" })

        let junit = try await CLIRun.run(["audit", "-o", "junit", directory.path])
        #expect(junit.standardOutput.contains("<testsuite name=\"invalid input\" tests=\"2\" failures=\"0\" errors=\"2\""))
        #expect(junit.standardOutput.contains("<testcase name=\"\(file.path):6\""))
        #expect(junit.standardOutput.contains("<skipped message=\"apiVersion v1 does not serve PodDisruptionBudget (policy/v1 does)\"/>"))

        let strict = try await CLIRun.run(["audit", "--strict-input", directory.path])
        #expect(strict.status == 2)
        #expect(strict.standardOutput.isEmpty)
        #expect(strict.standardError.split(separator: "\n").count == 2)
    }
}
