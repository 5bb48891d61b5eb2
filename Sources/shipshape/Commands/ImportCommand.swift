import ArgumentParser
import Foundation
import Import
import KubeModel
import ShipshapeAPI

/// `shipshape import`: existing Deployments (from files or a namespace) as Microservices, with
/// what could not be expressed and what adoption would change.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a Microservice for each existing Deployment, with the objects that go with it.",
        discussion: """
            Reads files, directories (recursively: .yaml, .yml, .json) or - for standard input, or with \
            --namespace a cluster's namespace (--kubeconfig, --context as for audit). Each Deployment becomes \
            one Microservice; the Services, PodDisruptionBudgets and NetworkPolicies that select its pods, the \
            HorizontalPodAutoscaler that targets it and its ServiceAccount are folded in.

            Each Microservice is preceded by a comment block: the Secrets to create (literals that look secret \
            are never copied), what could not be expressed, and what adoption changes. --diff prints only how \
            the pod template Shipshape renders differs from the original.

            Main container of a multi-container pod: --container NAME; else the only container; else the one \
            named like the Deployment (or its app.kubernetes.io/name or app label); else the only one serving a \
            matched Service's port; else the first that is not a well-known sidecar.

            Exit codes: 0 every workload imported, 1 some workloads not importable (StatefulSet, DaemonSet, \
            Job, ...: reported on standard error with the reason), 2 unreadable or invalid input or usage, 3 a \
            cluster that cannot be reached or read, or an --output-dir that cannot be written. What could be \
            imported is written in every case.
            """
    )

    @Argument(help: "Files, directories or - (standard input); none with --namespace.")
    var paths: [String] = []

    @OptionGroup(title: "Cluster") var cluster: ClusterArguments

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "Write one file per Microservice into this directory instead of standard output.")
    var outputDirectory: String?

    @Option(help: "The container to import from multi-container Deployments (default: the documented rule).")
    var container: String?

    @Flag(help: "Print how each rendered pod template differs from the original, instead of the Microservices.")
    var diff = false

    func validate() throws {
        if !paths.isEmpty, cluster.isGiven {
            throw ValidationError("import files or a cluster, not both: drop the paths or the cluster options")
        }
        if paths.isEmpty, !cluster.isGiven {
            throw ValidationError("nothing to import: give files, directories or -, or --namespace for a cluster")
        }
        if diff, outputDirectory != nil { throw ValidationError("--diff prints to standard output; drop -o") }
    }

    func run() async throws {
        var readErrors: [String] = []
        let inputs: [ImportInput]
        if paths.isEmpty {
            let live = try await cluster.read(purpose: "import from")
            inputs = live.objects.map { ImportInput(value: $0, location: live.name) }
        } else {
            let loaded = InputFiles.load(paths)
            readErrors = loaded.errors
            inputs = loaded.objects.filter { !MicroserviceReader.isMicroservice($0) }.map(ImportInput.init)
        }
        let result = Importer(container: container).run(inputs)
        for message in readErrors { Terminal.note(message) }
        for problem in result.problems { Terminal.note(problem.description) }
        for service in result.services {
            let unexplained = service.notExpressed.filter(\.unexplained).count
            Terminal.note("\(service.source): Deployment \(service.microservice.key): imported; \(service.notExpressed.count) not expressed"
                + (service.todos.isEmpty ? "" : ", \(service.todos.count) TODO") + (unexplained == 0 ? "" : " (\(unexplained) without a rule: please report)"))
        }
        if result.services.isEmpty, result.problems.isEmpty, readErrors.isEmpty { Terminal.note("no Deployment to import") }

        if diff {
            print(result.services.map(\.diffText).joined(separator: "\n"), terminator: "")
        } else if let outputDirectory {
            try write(result.services, to: outputDirectory)
        } else {
            print(result.services.map(\.document).joined(separator: "---\n"), terminator: "")
        }
        if !readErrors.isEmpty || result.hasInvalidInput { throw CLIError.invalidInput([]) }
        if !result.problems.isEmpty { throw CLIError.findings }
    }

    /// One file per Microservice: `NAME.yaml`, or `NAMESPACE.NAME.yaml` for all when names repeat across namespaces.
    private func write(_ services: [ImportedService], to directory: String) throws(CLIError) {
        let names = services.map(\.microservice.name)
        let qualified = Set(names).count != names.count
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for service in services {
                let microservice = service.microservice
                let file = (directory as NSString).appendingPathComponent(
                    (qualified ? "\(microservice.namespace).\(microservice.name)" : microservice.name) + ".yaml")
                try Data(service.document.utf8).write(to: URL(fileURLWithPath: file))
                Terminal.note("wrote \(file)")
            }
        } catch {
            throw CLIError.failure(["--output-dir: \(directory): \(error.localizedDescription)"])
        }
    }
}
