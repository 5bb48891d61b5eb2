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

    @Test func examplesPassAndExitZero() throws {
        let run = try CLI.run(["audit", "Examples/shop", "Examples/minimal.yaml"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0 errors, 0 warnings"))
    }

    /// The operator's own install passes the checklist it enforces.
    @Test func deployPassesItsOwnChecklist() throws {
        let run = try CLI.run(["audit", "--fail-on", "warning", "Deploy/"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("0 errors, 0 warnings"))
    }

    @Test func findingsExitOneAndNameTheLine() throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLI.run(["audit", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Deployment ops/legacy"))
        let pinned = run.stdout.split(separator: "\n").first { $0.contains("image-pinned") }
        #expect(pinned?.contains("error") == true)
        #expect(pinned?.contains("\(file.path):12 ") == true, "the image line")
        #expect(try CLI.run(["audit", "--fail-on", "none", file.path]).status == 0)
        let errorsOnly = try CLI.run(["audit", "--rule", "replicas-ha", "--fail-on", "error", file.path])
        #expect(errorsOnly.status == 0, "replicas-ha is a warning")
        #expect(try CLI.run(["audit", "--rule", "replicas-ha", "--fail-on", "warning", file.path]).status == 1)
    }

    @Test func sarifIsShapedForCodeScanning() throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLI.run(["audit", "-o", "sarif", file.path])
        #expect(run.status == 1)
        let sarif = try JSONValue(parsingJSON: run.stdout)
        #expect(sarif["version"] == "2.1.0")
        let results = try #require(sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue)
        let pinned = try #require(results.first { $0["ruleId"] == "image-pinned" })
        #expect(pinned["level"] == "error")
        #expect(pinned[FieldPath(parsing: "locations[0].physicalLocation.region.startLine")] == 12)
        #expect(pinned[FieldPath(parsing: "locations[0].physicalLocation.artifactLocation.uri")]?.stringValue?.hasSuffix("legacy.yaml") == true)
    }

    @Test func jsonAndJUnitFormats() throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let json = try CLI.run(["audit", "-o", "json", file.path])
        #expect(try JSONValue(parsingJSON: json.stdout)["summary"] != nil)
        let junit = try CLI.run(["audit", "-o", "junit", file.path])
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(junit.stdout.contains("<testsuites"))
        #expect(junit.stdout.contains("<failure"))
    }

    @Test func invalidInputExitsTwo() throws {
        let file = try CLI.temporaryFile("kind: Deployment\nmetadata: {name: [x\n", name: "broken.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLI.run(["audit", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(file.path):"))
        #expect(try CLI.run(["audit", "--profile", "pss-strictest", file.path]).status == 2)
    }

    @Test func profilesSelectPodSecurityRulesOnly() throws {
        let file = try CLI.temporaryFile(Self.careless, name: "legacy.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let restricted = try CLI.run(["audit", "--profile", "pss-restricted", "-o", "json", file.path])
        let baseline = try CLI.run(["audit", "--profile", "pss-baseline", "-o", "json", file.path])
        #expect(restricted.stdout.contains("run-as-non-root"))
        #expect(!restricted.stdout.contains("image-pinned"))
        #expect(!baseline.stdout.contains("run-as-non-root"))
    }

    @Test func rulesListsAndExplains() throws {
        let list = try CLI.run(["rules"])
        #expect(list.status == 0)
        for rule in ["cpu-request", "image-pinned", "network-policy", "graceful-shutdown", "standard-labels"] {
            #expect(list.stdout.contains(rule))
        }
        let one = try CLI.run(["rules", "graceful-shutdown"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("preStop"))
        #expect(try CLI.run(["rules", "nope"]).status == 2)
    }
}
