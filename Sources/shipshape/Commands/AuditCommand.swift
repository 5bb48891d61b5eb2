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

    @Option(help: ArgumentHelp(
        "Judge every field of each workload against the OpenAPI v3 documents in this directory (a cluster's /openapi/v3, as kubectl or curl saves it: api__v1_openapi.json, apis__apps__v1_openapi.json, apis__batch__v1_openapi.json).",
        discussion: "A live audit fetches the cluster's own unless this is given. Without either, schema-valid checks the fields the rules read.",
        valueName: "directory"))
    var schemas: String?

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
        let given = try schemas.map { directory throws(CLIError) in try AuditSchemas.load(directory: directory) }
        if paths.isEmpty {
            let input = try await cluster.read(fetchingSchemas: given == nil)
            let result = Checklist(options: checklist.options, schemas: given ?? input.schemas).check(objects: input.objects)
            let report = result.formatted(as: output, sources: input.sources(output), color: output == .table && Terminal.colorsStandardOutput)
            print(report, terminator: report.hasSuffix("\n") ? "" : "\n")
            try Self.exit(with: result.exitStatus(failOn: failOn.threshold))
        } else {
            try Self.auditFiles(paths, checklist: Checklist(options: checklist.options, schemas: given), strict: strictInput, as: output, failOn: failOn)
        }
    }

    /// Judges files, directories or `-`, writing the report as documents are judged, and notes
    /// unreadable inputs on standard error (`run()` and `DirectAudit`).
    static func auditFiles(_ paths: [String], checklist: Checklist, strict: Bool, as output: ReportFormat, failOn: FailOn) throws(CLIError) {
        let audit = try FileAudit.run(paths, checklist: checklist, strict: strict, format: output,
                                      color: output == .table && Terminal.colorsStandardOutput)
        for problem in audit.invalidInputs { Terminal.note(problem.description) }
        try exit(with: audit.totals.exitStatus(failOn: failOn.threshold, invalidInput: !audit.invalidInputs.isEmpty))
    }

    /// Throws the exit code `status` names when it is not 0.
    private static func exit(with status: Int32) throws(CLIError) {
        let code = ExitCode(rawValue: status) ?? .failure
        if code != .ok { throw CLIError(code) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
