import ArgumentParser
import Checklist

/// `shipshape audit`: judges files or a live cluster against the production checklist, for
/// people and for CI.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check Kubernetes objects and Microservices against the production checklist.",
        discussion: """
            Reads files, directories (recursively: .yaml, .yml, .json) or - for standard input: \
            multi-document YAML or JSON, kind: List, helm template or kubectl get -o yaml output.

            Workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) are judged with \
            the Services, HPAs, PDBs, NetworkPolicies and ServiceAccounts beside them; Microservices in \
            their own terms; other kinds, and known kinds under an apiVersion that does not serve them, \
            are listed as skipped with the reason.

            One bad document never hides the rest: a document that cannot be read (YAML syntax, a \
            duplicate key, not an object, an invalid Microservice) is reported with its file and line \
            in every format, and every other document is judged. A workload that breaks the schema \
            is judged on every rule that can read it, the breaks reported under schema-valid. \
            --strict-input refuses the whole input instead.

            With --namespace or --all-namespaces instead of paths, reads those kinds from a cluster \
            (--kubeconfig, --context; in a pod, its service account) and judges them the same way.

            Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 unreadable or invalid \
            input (after the report) or usage, 3 a cluster that cannot be reached or read.
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, none
        var threshold: Severity? { self == .none ? nil : Severity(rawValue: rawValue) }
    }

    @Argument(help: "Files, directories or - (standard input); none with --namespace or --all-namespaces.")
    var paths: [String] = []

    @OptionGroup(title: "Cluster") var cluster: ClusterArguments

    @Option(name: .shortAndLong, help: "Output format: table, json, sarif (2.1.0) or junit.")
    var output: ReportFormat = .table

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or none.")
    var failOn: FailOn = .error

    @Flag(help: "Refuse the whole input (exit 2, no report) when a document is unreadable or a workload breaks the schema.")
    var strictInput = false

    @OptionGroup var checklist: ChecklistArguments

    func validate() throws {
        if !paths.isEmpty, cluster.isGiven {
            throw ValidationError("audit files or a cluster, not both: drop the paths or the cluster options")
        }
        if paths.isEmpty, !cluster.isGiven {
            throw ValidationError("nothing to audit: give files, directories or -, or --namespace/--all-namespaces for a cluster")
        }
    }

    func run() async throws {
        let checker = Checklist(options: checklist.options)
        if paths.isEmpty {
            let input = try await cluster.read()
            try Self.report(checker.check(objects: input.objects), sources: input.sources(output), as: output, failOn: failOn)
        } else {
            try Self.auditFiles(paths, checklist: checker, strict: strictInput, as: output, failOn: failOn)
        }
    }

    /// Judges files, directories or `-` and prints the report (`run()` and `DirectAudit`).
    static func auditFiles(_ paths: [String], checklist: Checklist, strict: Bool, as output: ReportFormat, failOn: FailOn) throws(CLIError) {
        let (result, sources) = try FileAudit.run(paths, checklist: checklist, strict: strict)
        try report(result, sources: sources, as: output, failOn: failOn)
    }

    /// Notes unreadable inputs on standard error, prints the report and throws the exit code
    /// when it is not 0.
    private static func report(_ result: AuditResult, sources: @escaping SourceLookup, as output: ReportFormat, failOn: FailOn) throws(CLIError) {
        for problem in result.invalidInputs { Terminal.note(problem.description) }
        let report = result.formatted(as: output, sources: sources, color: output == .table && Terminal.colorsStandardOutput)
        print(report, terminator: report.hasSuffix("\n") ? "" : "\n")
        let code = ExitCode(rawValue: result.exitStatus(failOn: failOn.threshold)) ?? .failure
        if code != .ok { throw CLIError(code) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
