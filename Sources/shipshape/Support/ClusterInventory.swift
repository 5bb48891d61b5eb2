import KubeClient
import KubeModel

/// The objects a live audit judges, read from a cluster: workloads and the Services, HPAs,
/// PDBs, NetworkPolicies and ServiceAccounts around them, shaped as `kubectl get -o yaml` shows
/// them (kind and apiVersion set; managedFields kept: they tell which fields a writer declared).
struct ClusterInventory {
    /// What `audit --namespace` reads, in report order.
    static let resources: [ResourceType] = [
        .deployments, .statefulSets, .daemonSets, .replicaSets, .jobs, .cronJobs, .pods,
        .services, .horizontalPodAutoscalers, .podDisruptionBudgets, .networkPolicies, .serviceAccounts,
    ]

    /// Which namespaces to read.
    enum Scope {
        case namespaces([String])
        case allNamespaces
    }

    var objects: [JSONValue] = []
    /// Resources the server does not serve, which were skipped.
    var notes: [String] = []

    /// Reads every resource in `scope` with paginated lists, concurrently over the client's one
    /// connection. Throws the client's error, with what was being read.
    static func read(from client: KubernetesClient, scope: Scope, pageSize: Int = 500) async throws -> ClusterInventory {
        var inventory = ClusterInventory()
        var discovered: [String: Set<String>] = [:]
        var served: [ResourceType] = []
        for resource in resources {
            if discovered[resource.apiVersion] == nil {
                discovered[resource.apiVersion] = try await servedResources(resource, by: client)
            }
            if discovered[resource.apiVersion]?.contains(resource.resource) == true {
                served.append(resource)
            } else {
                inventory.notes.append("\(resource.resource).\(resource.apiVersion) is not served by this cluster; no \(resource.kind) was read")
            }
        }
        let namespaces: [String?] = switch scope {
        case .namespaces(let names): names
        case .allNamespaces: [nil]
        }
        let requests = namespaces.flatMap { namespace in served.map { (resource: $0, namespace: namespace) } }
        var pages = [[JSONValue]](repeating: [], count: requests.count)
        try await withThrowingTaskGroup(of: (Int, [JSONValue]).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    let list = client.resource(request.resource, namespace: request.namespace)
                    do {
                        let items = try await list.listAll(pageSize: pageSize).items
                        return (index, items)
                    } catch let error as KubeError {
                        throw ReadError(resource: request.resource, namespace: request.namespace, cause: error)
                    }
                }
            }
            for try await (index, items) in group { pages[index] = items }
        }
        inventory.objects = pages.flatMap { $0 }
        return inventory
    }

    /// The resource names discovery lists for the group/version of `resource`; none when the
    /// group/version is not served.
    private static func servedResources(_ resource: ResourceType, by client: KubernetesClient) async throws -> Set<String> {
        do {
            let resources = try await client.discoverResources(group: resource.group, version: resource.version) ?? []
            return Set(resources.map(\.name))
        } catch let error as KubeError {
            throw ReadError(resource: resource, namespace: nil, cause: error, discovering: true)
        }
    }


    /// A failed read, naming what was read and the client's own message.
    struct ReadError: Error, CustomStringConvertible {
        var resource: ResourceType
        var namespace: String?
        var cause: KubeError
        var discovering = false

        var description: String {
            let what = discovering
                ? "discovering \(resource.apiVersion)"
                : "listing \(resource.resource)" + (namespace.map { " in namespace \($0)" } ?? " in all namespaces")
            return "\(what): \(cause)"
        }
    }
}
