import KubeModel
import ShipshapeAPI

/// What the rendered set knows about each Microservice's peers: who exists, and who depends on whom.
struct PeerIndex: Sendable {
    /// One dependency of a Microservice on another.
    struct Dependent: Sendable {
        let name: String
        let namespace: String
        /// The dependency's position in the dependent's `dependsOn`.
        let index: Int
        let dependency: Dependency
    }

    private let list: [Microservice]
    /// Key -> position in `list` of the first Microservice with that key.
    private var positions: [String: Int] = [:]
    private var dependents: [String: [Dependent]] = [:]

    /// Indexes the set; where keys repeat, the first Microservice counts (as the renderer does).
    init(_ list: [Microservice]) {
        self.list = list
        positions.reserveCapacity(list.count)
        for (position, microservice) in list.enumerated() where positions[microservice.key] == nil {
            positions[microservice.key] = position
            for (index, dependency) in (microservice.spec.dependsOn ?? []).enumerated() {
                guard let service = dependency.service else { continue }
                let target = "\(dependency.namespace ?? microservice.namespace)/\(service)"
                dependents[target, default: []].append(Dependent(
                    name: microservice.name, namespace: microservice.namespace, index: index, dependency: dependency))
            }
        }
    }

    /// The Microservice with this key (`namespace/name`), when it is in the set.
    func microservice(_ key: String) -> Microservice? { positions[key].map { list[$0] } }

    /// Every dependency naming the Microservice with this key, ordered by the dependent's
    /// namespace and name (not by input order, so the operator's arbitrary listing order
    /// never reorders a policy), then by position in its `dependsOn`.
    func dependents(of key: String) -> [Dependent] {
        (dependents[key] ?? []).sorted { ($0.namespace, $0.name, $0.index) < ($1.namespace, $1.name, $1.index) }
    }
}
