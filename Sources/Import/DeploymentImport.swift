import KubeModel
import ShipshapeAPI

/// One Deployment being turned into a Microservice: the mapping of each concern lives in an
/// extension (`DeploymentImport+Ports.swift`, ...), each adding to `spec` and recording what it
/// could not express.
struct DeploymentImport {
    let deployment: ImportInput
    let related: RelatedObjects
    let main: MainContainer
    /// The other Deployments imported with this one, to turn calls to them into `dependsOn`.
    let peers: ImportPeers

    var spec: MicroserviceSpec
    var labels: [String: String] = [:]
    var notes: [ImportNote] = []
    var todos: [String] = []
    /// Peers whose NetworkPolicy-admitted calls to this service become their `dependsOn` entries.
    var dependents: [(microservice: String, dependency: Dependency)] = []
    /// Objects and Deployment fields adoption changes (outside the pod template).
    var objectChanges: [String] = []

    let template: JSONValue
    let pod: JSONValue
    let container: JSONValue
    /// `spec.containers[name]` of the main container in pod-template view paths.
    let containerPath: String

    var name: String { deployment.name }
    var namespace: String { deployment.namespace }

    init(deployment: ImportInput, related: RelatedObjects, main: MainContainer, peers: ImportPeers) {
        self.deployment = deployment
        self.related = related
        self.main = main
        self.peers = peers
        template = deployment.value["spec"]?["template"] ?? .object(JSONObject())
        pod = template["spec"] ?? .object(JSONObject())
        let containers = pod["containers"]?.arrayValue ?? []
        container = main.index < containers.count ? containers[main.index] : .object(JSONObject())
        containerPath = PodTemplateView.containerPath(main.name)
        spec = MicroserviceSpec(image: container["image"]?.stringValue ?? "")
    }

    /// Maps every concern, in the order the Microservice reads.
    mutating func build() {
        importLabels()
        importContainer()
        importPorts()
        importEnvironment()
        importFiles()
        importProbes()
        importShutdown()
        importSecurity()
        importIdentity()
        importScaling()
        importPodFields()
        importServices()
        importNetwork()
    }

    /// The Microservice built so far.
    var microservice: Microservice {
        var metadata = ObjectMeta(name: name, namespace: namespace.isEmpty ? nil : namespace)
        metadata.labels = labels.isEmpty ? nil : labels
        return Microservice(metadata: metadata, spec: spec)
    }

    /// Records a pod-template field the Microservice cannot express (`path` in view terms).
    mutating func templateNote(_ path: String, _ message: String, onlyIfChanged: Bool = false) {
        notes.append(ImportNote("spec.template.\(path)", message, covers: [path], onlyIfChanged: onlyIfChanged))
    }

    /// Records something outside the pod template the Microservice cannot express.
    mutating func objectNote(_ subject: String, _ message: String) {
        notes.append(ImportNote(subject, message))
    }

    /// A container field, relative to the main container, as a view path.
    func containerField(_ field: String) -> String { "\(containerPath).\(field)" }
}
