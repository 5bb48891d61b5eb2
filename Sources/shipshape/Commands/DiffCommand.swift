import ArgumentParser
import Controller
import Foundation
import KubeClient
import KubeModel
import ShipshapeAPI

/// `shipshape diff`: what applying Microservice files would change on the live cluster, object
/// by object, as `kubectl diff` shows it.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what applying Microservices would change on the live cluster.",
        discussion: """
            Reads files, directories (recursively: .yaml, .yml, .json) or - for standard input.

            For each Microservice, the Microservice itself and every object the operator would write
            for it are sent to the API server as server-side dry runs (dryRun=All, server-side apply
            as the operator applies; an object it would adopt as the adoption would leave it), and
            compared with the live objects as a unified diff. Objects it would prune are shown removed.
            managedFields, resourceVersion, generation, creationTimestamp and status are left out.
            An existing object the Microservice may not take over is reported as a conflict.

            Exit codes: 0 no differences, 1 differences, 2 unreadable or invalid input or usage, 3 a
            cluster that cannot be reached or fails a dry run (every readable Microservice is still
            compared; the highest code wins).
            """
    )

    @Argument(help: "Files, directories or - (standard input).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The namespace of Microservices that name none (default: the context's namespace).")
    var namespace: String?

    @OptionGroup var connection: KubeconfigArguments

    func run() async throws {
        let loaded = InputFiles.load(paths)
        let split = SourceSplit(loaded.objects)
        var errors = loaded.errors + split.errors
        var failures: [String] = []
        for object in split.others {
            Terminal.note("\(object.origin.location()): skipped \(object.kind ?? "an object without kind")"
                + "\(object.name.map { " \($0)" } ?? "") (not a Microservice)")
        }
        let configuration: ClientConfiguration
        let client: KubernetesClient
        do {
            configuration = try connection.configuration()
            client = try KubernetesClient(configuration: configuration)
        } catch {
            throw CLIError.failure(errors + ["\(error)"])
        }
        let microservices = split.microservices.map { entry in
            var microservice = entry.value
            if microservice.metadata.namespace == nil { microservice.metadata.namespace = namespace ?? configuration.namespace }
            return (value: microservice, origin: entry.origin)
        }
        let planner = DiffPlanner(client: client, given: microservices.map(\.value))
        var differs = false
        for (microservice, origin) in microservices {
            do {
                let plan = try await planner.plan(microservice)
                for conflict in plan.conflicts {
                    print("# Microservice \(microservice.key): conflict, nothing would be applied: \(conflict)")
                    differs = true
                }
                for object in plan.objects {
                    let lines = object.diff()
                    guard !lines.isEmpty else { continue }
                    differs = true
                    print(lines.joined(separator: "\n"))
                }
            } catch {
                let message = "\(origin.location()): Microservice \(microservice.key): \(error)"
                // The API server refusing the Microservice as invalid is the input's fault; anything else is a failure.
                if let code = (error as? KubeError)?.statusCode, code == 400 || code == 422 { errors.append(message) } else { failures.append(message) }
            }
        }
        if !failures.isEmpty { throw CLIError.failure(errors + failures) }
        if !errors.isEmpty { throw CLIError.invalidInput(errors) }
        if differs { throw CLIError.findings }
    }
}
