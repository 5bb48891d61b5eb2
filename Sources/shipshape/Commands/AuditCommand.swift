import ArgumentParser
import Checklist
import KubeModel

/// `shipshape audit`: judges files against the production checklist, for people and for CI.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check Kubernetes objects and Microservices against the production checklist.",
        discussion: """
            Reads files, directories (recursively: .yaml, .yml, .json) or - for standard input:
            multi-document YAML or JSON, kind: List, helm template or kubectl get -o yaml output.
            Workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) are judged with
            the Services, HPAs, PDBs, NetworkPolicies and ServiceAccounts beside them; Microservices in
            their own terms; other kinds are counted and skipped.
            Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 unreadable or invalid input.
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, none
        var threshold: Severity? { self == .none ? nil : Severity(rawValue: rawValue) }
    }

    @Argument(help: "Files, directories or - (standard input).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: table, json, sarif (2.1.0) or junit.")
    var output: ReportFormat = .table

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or none.")
    var failOn: FailOn = .error

    @OptionGroup var checklist: ChecklistArguments

    func run() throws {
        let loaded = InputFiles.load(paths)
        let split = SourceSplit(loaded.objects)
        let errors = loaded.errors + split.errors
        guard errors.isEmpty else { throw CLIError.invalidInput(errors, exitCode: 2) }

        let result = Checklist(options: checklist.options)
            .check(objects: split.others.map(\.value), microservices: split.microservices.map(\.value))
        let origins = split.others.map(\.origin) + split.microservices.map(\.origin)
        let report = result.formatted(
            as: output, sources: { ref in ref.inputIndex.flatMap { origins.indices.contains($0) ? origins[$0] : nil } },
            color: output == .table && Terminal.colorsStandardOutput)
        print(report, terminator: report.hasSuffix("\n") ? "" : "\n")
        let status = result.exitStatus(failOn: failOn.threshold)
        if status != 0 { throw CLIError.findings(exitCode: status) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
