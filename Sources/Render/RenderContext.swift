import KubeModel
import ShipshapeAPI

/// One Microservice being rendered, with what every object rendered for it shares: names,
/// labels, owner, and what the rendered set knows about its peers. A class: every object's
/// rendering (and the closures in it) shares one context instead of copying it.
final class RenderContext: Sendable {
    let microservice: Microservice
    let peers: PeerIndex
    let referenceVersions: [String: String]
    /// The labels every child carries.
    let labels: [String: String]
    let ownerReferences: [OwnerReference]?

    init(microservice: Microservice, peers: PeerIndex, ownerUID: String?, referenceVersions: [String: String]) {
        self.microservice = microservice
        self.peers = peers
        self.referenceVersions = referenceVersions
        labels = Labels.recommended(for: microservice)
        ownerReferences = ownerUID.map { uid in
            [OwnerReference(apiVersion: Microservice.apiVersion, kind: Microservice.kind, name: microservice.name,
                            uid: uid, controller: true, blockOwnerDeletion: true)]
        }
    }

    var spec: MicroserviceSpec { microservice.spec }
    var name: String { microservice.name }
    var namespace: String { microservice.namespace }
    var key: String { microservice.key }

    /// The pod selector: name and instance only, so it never changes across updates.
    var selector: [String: String] { Labels.selector(of: name) }
    var podSelector: LabelSelector { LabelSelector(matchLabels: selector) }

    /// Metadata for a child object named after the Microservice.
    func metadata(name: String? = nil) -> ObjectMeta {
        ObjectMeta(name: name ?? self.name, namespace: namespace, labels: labels, ownerReferences: ownerReferences)
    }

    /// The most replicas that can run: the autoscaler's maximum, or the static count.
    var mostReplicas: Int { spec.autoscaling?.maxReplicas ?? spec.replicas ?? Defaults.replicas }

    /// The ServiceAccount the pods run as; nil (the namespace's `default`) when none is created or named.
    var serviceAccountName: String? {
        let account = spec.serviceAccount
        return account?.name ?? (account?.create ?? true ? name : nil)
    }

    /// `spec`, the root of every warning's path.
    static let specPath = FieldPath.root.key("spec")

    func warning(at path: FieldPath, _ message: String) -> RenderWarning {
        RenderWarning(microservice: key, path: path, message: message)
    }
}
