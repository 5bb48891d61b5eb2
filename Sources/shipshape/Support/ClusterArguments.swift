import ArgumentParser
import Foundation
import KubeClient
import KubeModel

/// How `audit` finds and reads a cluster: kubeconfig, context and namespaces, as kubectl takes them.
struct ClusterArguments: ParsableArguments {
    @Option(name: .shortAndLong, help: "Audit this namespace of the cluster (repeatable); the context's namespace when only --context or --kubeconfig is given.")
    var namespace: [String] = []

    @Flag(name: [.customShort("A"), .long], help: "Audit every namespace of the cluster.")
    var allNamespaces = false

    @OptionGroup var connection: KubeconfigArguments

    /// Whether any cluster option was given, making this a live audit.
    var isGiven: Bool { !namespace.isEmpty || allNamespaces || connection.isGiven }

    func validate() throws {
        if allNamespaces, !namespace.isEmpty { throw ValidationError("--namespace and --all-namespaces cannot be combined") }
        if let empty = namespace.first(where: \.isEmpty) { throw ValidationError("--namespace needs a name, got \"\(empty)\"") }
    }

    /// Reads the cluster's objects in the chosen namespaces and, with `fetchingSchemas`, the
    /// workloads' OpenAPI v3 schemas; notes (kinds not served, schemas not published) go to
    /// standard error. Configuration, connection and authorization failures exit 3.
    func read(fetchingSchemas: Bool) async throws(CLIError) -> AuditInput {
        let live = try await read(purpose: "audit")
        var input = AuditInput.cluster(live.objects, name: live.name)
        if fetchingSchemas {
            let fetched = await AuditSchemas.fetch(from: live.client)
            if let note = fetched.note { Terminal.note("note: \(note)") }
            input.schemas = fetched.schemas
        }
        return input
    }

    /// The objects read live and the context's name (`cluster` without one); `purpose` words
    /// the failure message (`cannot audit ...`).
    func read(purpose: String) async throws(CLIError) -> (objects: [JSONValue], name: String, client: KubernetesClient) {
        let configuration: ClientConfiguration
        let client: KubernetesClient
        do {
            configuration = try connection.configuration()
            client = try KubernetesClient(configuration: configuration)
        } catch {
            throw CLIError.failure(["\(error)"])
        }
        let scope: ClusterInventory.Scope = allNamespaces ? .allNamespaces : .namespaces(namespace.isEmpty ? [configuration.namespace] : namespace)
        do {
            let inventory = try await ClusterInventory.read(from: client, scope: scope)
            for note in inventory.notes { Terminal.note("note: \(note)") }
            return (inventory.objects, configuration.contextName ?? "cluster", client)
        } catch {
            throw CLIError.failure(["cannot \(purpose) \(configuration.server) (\(configuration.origin)): \(error)"])
        }
    }
}
