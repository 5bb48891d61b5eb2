import Foundation
import KubeModel
import Testing

/// Audits read document by document: a List with bad items, and inputs long enough to be read twice.
@Suite struct AuditStreamCLITests {
    /// A `kubectl get -o yaml`-style List: a workload, an item with a duplicate key (line 18),
    /// an item that is not an object (line 24), a PodDisruptionBudget.
    static let list = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: legacy, namespace: ops}
          spec:
            replicas: 1
            selector: {matchLabels: {app: legacy}}
            template:
              metadata: {labels: {app: legacy}}
              spec:
                containers:
                - {name: app, image: "legacy:latest"}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: twice, namespace: ops}
          metadata: {name: again, namespace: ops}
          spec:
            selector: {matchLabels: {app: twice}}
            template:
              metadata: {labels: {app: twice}}
              spec: {containers: [{name: app, image: "twice:1"}]}
        - just a string
        - apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: legacy, namespace: ops}
          spec: {maxUnavailable: 1, selector: {matchLabels: {app: legacy}}}
        metadata: {resourceVersion: ""}
        """

    @Test func oneBadListItemDoesNotHideTheOthersInAnyFormat() async throws {
        let file = try CLI.temporaryFile(Self.list, name: "list.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let path = file.path

        let table = try await CLIRun.run(["audit", path])
        #expect(table.status == 2)
        #expect(table.standardOutput.contains("Deployment ops/legacy"))
        #expect(table.standardOutput.contains("invalid  \(path):18: items[1]: duplicate key \"metadata\" (first at line 17)"))
        #expect(table.standardOutput.contains("invalid  \(path):24: items[2]: expected an object (a mapping), found string"))
        #expect(table.standardError.contains("\(path):18: items[1]: duplicate key"))

        let json = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "json", path]).standardOutput)
        #expect(json["objects"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["legacy"])
        #expect(json["objects"]?.arrayValue?.first?["findings"]?.arrayValue?.contains { $0["rule"] == "pdb" } == false, "the PDB after the bad items is read")
        let invalid = json["invalid"]?.arrayValue ?? []
        #expect(invalid.compactMap { $0["line"]?.intValue } == [18, 24])
        #expect(invalid.allSatisfy { $0["document"] == 1 && $0["file"]?.stringValue == path })

        let sarif = try JSONValue(parsingJSON: try await CLIRun.run(["audit", "-o", "sarif", path]).standardOutput)
        let results = sarif[FieldPath(parsing: "runs[0].results")]?.arrayValue?.filter { $0["ruleId"] == "invalid-input" } ?? []
        #expect(results.compactMap { $0[FieldPath(parsing: "locations[0].physicalLocation.region.startLine")]?.intValue } == [18, 24])
        #expect(results.allSatisfy { $0["level"] == "error" })

        let junit = try await CLIRun.run(["audit", "-o", "junit", path])
        #expect(junit.standardOutput.contains("<testsuite name=\"invalid input\" tests=\"2\" failures=\"0\" errors=\"2\""))
        #expect(junit.standardOutput.contains("<testcase name=\"\(path):18\""))
        #expect(junit.standardOutput.contains("<testcase name=\"\(path):24\""))

        let strict = try await CLIRun.run(["audit", "--strict-input", path])
        #expect(strict.status == 2)
        #expect(strict.standardOutput.isEmpty)
    }

    /// More workloads than an audit holds, with the PodDisruptionBudget that covers them all
    /// at the very end: the workloads judged in the second reading see it too.
    static func manyWorkloads(_ count: Int) -> String {
        var text = ""
        for index in 0..<count {
            text += """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web-\(index), namespace: ops}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web-\(index)}}
                  template:
                    metadata: {labels: {app: web-\(index)}}
                    spec: {containers: [{name: app, image: "web:1"}]}
                ---

                """
        }
        return text + """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: all, namespace: ops}
            spec:
              minAvailable: 3
              selector: {}
            """
    }

    @Test func workloadsPastTheHeldOnesAreJudgedWithTheWholeInput() async throws {
        let count = 1_005
        let text = Self.manyWorkloads(count)
        let file = try CLI.temporaryFile(text, name: "many.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let pdbLine = 10 * count + 5

        for (arguments, input, name) in [(["audit", "-o", "json", file.path], nil, file.path), (["audit", "-o", "json", "-"], text, "-")] {
            let run = try await CLIRun.run(arguments, stdin: input)
            #expect(run.status == 1, "\(run.standardError)")
            let objects = try JSONValue(parsingJSON: run.standardOutput)["objects"]?.arrayValue ?? []
            #expect(objects.compactMap { $0["name"]?.stringValue } == (0..<count).map { "web-\($0)" }, "in input order")
            for (index, object) in objects.enumerated() where [0, 999, 1_000, count - 1].contains(index) {
                #expect(object["file"]?.stringValue == name)
                #expect(object["line"] == .integer(10 * index + 1))
                let findings = object["findings"]?.arrayValue ?? []
                #expect(!findings.contains { $0["rule"] == "pdb" }, "web-\(index) is covered by the PDB at the end")
                let eviction = findings.first { $0["rule"] == "pdb-allows-eviction" }
                #expect(eviction?["line"] == .integer(pdbLine), "web-\(index)")
                let own = findings.filter { $0["relatedObject"] == nil }.compactMap { $0["line"]?.intValue }
                #expect(!own.isEmpty && own.allSatisfy { (10 * index + 1)...(10 * index + 9) ~= $0 }, "web-\(index): \(own)")
            }
        }
    }
}
