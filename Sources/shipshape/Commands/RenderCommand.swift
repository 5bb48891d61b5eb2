import ArgumentParser
import Checklist
import KubeModel
import Render
import ShipshapeAPI

/// `shipshape render`: Microservice files to Kubernetes YAML or JSON, locally, with no cluster.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Microservice files to Kubernetes objects.",
        discussion: """
            Reads files, directories (recursively: .yaml, .yml, .json) or - for standard input.

            All Microservices given are rendered together, so NetworkPolicies follow the dependency graph.

            PrometheusRules and ServiceMonitors (spec.slo, observability.metrics) and Istio's PeerAuthentications \
            and AuthorizationPolicies (spec.mesh) are rendered only for a cluster that serves them: \
            --with prometheus-operator,istio or --api-versions; otherwise one note per kind says what was left out.

            Checklist findings on the Microservices go to standard error.

            Exit codes: 0 ok, 1 error findings with --strict, 2 unreadable or invalid input, or usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(help: "Files, directories or - (standard input).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: yaml (multi-document) or json (a v1 List).")
    var output: Format = .yaml

    @Flag(help: "Print documents that are not Microservices unchanged, instead of skipping them.")
    var passthrough = false

    @Flag(help: "Fail (exit 1) when the checklist finds errors, and print nothing.")
    var strict = false

    @OptionGroup var checklist: ChecklistArguments

    @OptionGroup var extensions: ExtensionArguments

    func run() throws {
        let loaded = InputFiles.load(paths)
        let split = SourceSplit(loaded.objects)
        let errors = loaded.errors + split.errors
        guard errors.isEmpty else { throw CLIError.invalidInput(errors) }
        if !passthrough {
            for object in split.others {
                Terminal.note("\(object.origin.location()): skipped \(object.kind ?? "an object without kind")"
                    + "\(object.name.map { " \($0)" } ?? "") (not a Microservice; --passthrough prints it)")
            }
        }

        let microservices = split.microservices.map(\.value)
        let findings = reportChecklist(on: split.microservices)
        if strict && findings.exitStatus(failOn: .error) != 0 { throw CLIError.findings }

        let rendered = Renderer(extensions: extensions.options).render(microservices)
        for warning in rendered.warnings { Terminal.note("warning: \(warning)") }
        for notice in rendered.unserved.notices(hint: ExtensionArguments.hint) { Terminal.note("note: \(notice)") }
        let passed = passthrough ? split.others.map(\.value) : []
        switch output {
        case .yaml:
            let documents = [rendered.yamlText()].filter { !$0.isEmpty } + passed.map { $0.yamlText() }
            print(documents.joined(separator: "---\n"), terminator: "")
        case .json:
            let list: JSONValue = ["apiVersion": "v1", "kind": "List", "items": .array(rendered.objects.map(\.value) + passed)]
            print(list.jsonText(indent: 4))
        }
    }

    /// Judges every Microservice and prints the findings (if any) to standard error.
    private func reportChecklist(on microservices: [(value: Microservice, origin: SourceOrigin)]) -> AuditResult {
        let engine = Checklist(options: checklist.options)
        let result = AuditResult(reports: microservices.enumerated().map { engine.check($1.value, inputIndex: $0) })
        if !result.findings.isEmpty {
            Terminal.note(result.formatted(
                as: .table, sources: { ref in ref.inputIndex.map { microservices[$0].origin } },
                color: Terminal.colorsStandardError))
        }
        return result
    }
}
