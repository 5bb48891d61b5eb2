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

    @Test func malformedWorkloadsAreInvalidInputNotScored() async throws {
        let file = try CLI.temporaryFile("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: x}\nspec:\n  template:\n    spec:\n      containers: nope\n", name: "bad.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try await CLIRun.run(["audit", file.path])
        #expect(run.status == 2)
        #expect(run.standardError == "\(file.path):7: Deployment x/d: spec.template.spec.containers: must be a list of containers, not string\n")
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
}
