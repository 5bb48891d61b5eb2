import KubeModel
import Render
import ShipshapeAPI

/// Turns existing workloads into Microservices. Pure: no I/O; the same input gives the same
/// output. Each Deployment becomes one Microservice, with the Services, HPAs, PDBs,
/// NetworkPolicies and ServiceAccount that go with it folded in; the imported Microservice is
/// read back strictly and rendered, and the rendered pod template compared with the original,
/// so what could not be expressed and what adoption changes are listed, never dropped silently.
public struct Importer: Sendable {
    /// The container to import from every multi-container Deployment (`--container`); nil
    /// applies the rule in `MainContainer`.
    public var container: String?

    public init(container: String? = nil) {
        self.container = container
    }

    public func run(_ inputs: [ImportInput]) -> ImportResult {
        var result = ImportResult()
        let index = ObjectIndex(inputs)
        var deployments: [(input: ImportInput, related: RelatedObjects, main: MainContainer)] = []
        for input in inputs {
            if let problem = Self.problem(with: input) {
                result.problems.append(problem)
                continue
            }
            guard input.kind == "Deployment" else { continue }
            let related = RelatedObjects(for: input, in: index)
            switch MainContainer.choose(in: input, services: related.services, requested: container) {
            case .success(let main): deployments.append((input, related, main))
            case .failure(let error):
                result.problems.append(ImportProblem(kind: error.message == "has no containers" ? .invalid : .notImportable,
                                                     location: input.location(of: FieldPath(parsing: "spec.template.spec.containers")),
                                                     object: input.reference, message: error.message))
            }
        }
        deployments.sort { ($0.input.namespace, $0.input.name) < ($1.input.namespace, $1.input.name) }
        let peers = ImportPeers(peers: deployments.map { deployment in
            ImportPeers.Peer(name: deployment.input.name, namespace: deployment.input.namespace,
                             labels: deployment.input.value["spec"]?["template"]?["metadata"]?["labels"]?.objectValue.map(RelatedObjects.stringMap) ?? [:],
                             serviceNames: deployment.related.services.map(\.name))
        })
        var imports = deployments.map { DeploymentImport(deployment: $0.input, related: $0.related, main: $0.main, peers: peers) }
        for position in imports.indices { imports[position].build() }
        for position in imports.indices {
            for (caller, dependency) in imports[position].dependents {
                guard let callerPosition = imports.firstIndex(where: { $0.name == caller && $0.namespace == imports[position].namespace }),
                      !(imports[callerPosition].spec.dependsOn ?? []).contains(dependency) else { continue }
                imports[callerPosition].spec.dependsOn = (imports[callerPosition].spec.dependsOn ?? []) + [dependency]
            }
        }
        for deployment in imports {
            switch ImportFinisher.finish(deployment) {
            case .success(let service): result.services.append(service)
            case .failure(let problem): result.problems.append(problem)
            }
        }
        result.services.sort { ($0.microservice.namespace, $0.microservice.name) < ($1.microservice.namespace, $1.microservice.name) }
        return result
    }

    /// Why an object cannot be imported, or nil for a Deployment and the objects around one.
    static func problem(with input: ImportInput) -> ImportProblem? {
        func problem(_ kind: ImportProblem.Kind, _ message: String, at path: FieldPath = FieldPath(parsing: "kind")) -> ImportProblem {
            ImportProblem(kind: kind, location: input.location(of: path), object: input.reference, message: message)
        }
        if input.value["kind"]?.stringValue == nil { return problem(.invalid, "has no kind: not a Kubernetes object") }
        if input.value["apiVersion"]?.stringValue == nil { return problem(.invalid, "has no apiVersion: not a Kubernetes object") }
        let ownedByController = (input.value["metadata"]?["ownerReferences"]?.arrayValue ?? []).contains { $0["controller"]?.boolValue == true }
        switch input.kind {
        case "Deployment":
            if input.name.isEmpty { return problem(.invalid, "has no metadata.name", at: FieldPath(parsing: "metadata")) }
            guard input.value["spec"]?["template"]?["spec"]?["containers"]?.arrayValue != nil else {
                return problem(.invalid, "spec.template.spec.containers is missing or not a list", at: FieldPath(parsing: "spec"))
            }
            return nil
        case "StatefulSet":
            return problem(.notImportable, "not importable: a StatefulSet gives each replica a stable identity and its own volumes "
                + "(volumeClaimTemplates); a Microservice renders a Deployment of interchangeable replicas")
        case "DaemonSet":
            return problem(.notImportable, "not importable: a DaemonSet runs one pod per node; a Microservice renders a Deployment "
                + "whose replicas the scheduler places")
        case "Job", "CronJob":
            return problem(.notImportable, "not importable: a \(input.kind) runs to completion; a Microservice is a long-running service")
        case "ReplicaSet", "ReplicationController", "Pod":
            if ownedByController { return nil }  // a Deployment's (or another controller's) own: imported through its owner
            return problem(.notImportable, "not importable: a bare \(input.kind); put it in a Deployment to import it")
        default:
            return nil
        }
    }
}
