import KubeModel

/// The workload kinds the checklist judges, and where each keeps its pod template.
enum WorkloadKind: String, Sendable, CaseIterable {
    case deployment = "Deployment", statefulSet = "StatefulSet", daemonSet = "DaemonSet"
    case replicaSet = "ReplicaSet", job = "Job", cronJob = "CronJob", pod = "Pod"

    /// The pod template (metadata + spec); the root for a Pod.
    var templatePath: FieldPath {
        switch self {
        case .pod: return .root
        case .cronJob: return FieldPath(parsing: "spec.jobTemplate.spec.template")
        default: return FieldPath(parsing: "spec.template")
        }
    }

    /// Serves until stopped (probes, shutdown and metrics matter), unlike a Job.
    var isLongRunning: Bool { self != .job && self != .cronJob }
    /// Has `spec.replicas`.
    var isReplicated: Bool { self == .deployment || self == .statefulSet || self == .replicaSet }
}

/// Which list of the pod spec a container is in.
enum ContainerRole: String, Sendable, CaseIterable {
    case regular = "containers", initContainer = "initContainers", ephemeral = "ephemeralContainers"
}

/// One container of a pod template with the path it sits at (`spec.template.spec.containers[api]`).
struct Container: Sendable {
    let path: FieldPath
    let value: JSONValue
    let role: ContainerRole

    var name: String { value["name"]?.stringValue ?? "" }
    /// `securityContext` of the container (null when absent or not an object).
    var securityContext: JSONValue { value["securityContext"] ?? .null }
    var securityContextPath: FieldPath { path.key("securityContext") }

    /// Declared `ports[].name` and `ports[].containerPort`.
    var portNames: Set<String> { Set(value["ports"]?.elements.compactMap { $0["name"]?.stringValue } ?? []) }
    var portNumbers: Set<Int> { Set(value["ports"]?.elements.compactMap { $0["containerPort"]?.intValue } ?? []) }
}

/// A workload object read leniently: wrong types read as absent, never as a crash.
struct Workload: Sendable {
    let ref: ObjectRef
    let kind: WorkloadKind
    let value: JSONValue
    /// The pod spec (null when absent or not an object).
    let podSpec: JSONValue
    /// Labels the pods get: the template's (the object's own for a Pod).
    let podLabels: [String: String]
    private let allContainers: [Container]

    init?(_ value: JSONValue, inputIndex: Int?) {
        guard let kindName = value["kind"]?.stringValue, let kind = WorkloadKind(rawValue: kindName) else { return nil }
        self.kind = kind
        self.value = value
        self.ref = ObjectRef(
            kind: kindName, namespace: value["metadata"]?["namespace"]?.stringValue,
            name: value["metadata"]?["name"]?.stringValue ?? "(unnamed)", inputIndex: inputIndex)
        let podSpecPath = kind.templatePath.key("spec")
        let podSpec = value[podSpecPath] ?? .null
        self.podSpec = podSpec
        self.podLabels = value[kind.templatePath.key("metadata").key("labels")]?.stringMap ?? [:]
        self.allContainers = ContainerRole.allCases.flatMap { role in
            let listPath = podSpecPath.key(role.rawValue)
            return (podSpec[role.rawValue]?.elements ?? []).enumerated().map { index, element in
                Container(path: listPath.index(index, name: element["name"]?.stringValue), value: element, role: role)
            }
        }
    }

    var templatePath: FieldPath { kind.templatePath }
    var podSpecPath: FieldPath { templatePath.key("spec") }
    var podSecurityContext: JSONValue { podSpec["securityContext"] ?? .null }
    var podSecurityContextPath: FieldPath { podSpecPath.key("securityContext") }
    var podLabelsPath: FieldPath { templatePath.key("metadata").key("labels") }

    /// Every container of the given roles, with its path (named by the container's name).
    func containers(_ roles: [ContainerRole] = ContainerRole.allCases) -> [Container] {
        roles.count == ContainerRole.allCases.count ? allContainers : allContainers.filter { roles.contains($0.role) }
    }

    /// `spec.replicas` as written; nil when absent or not an integer.
    var declaredReplicas: Int? { kind.isReplicated ? value["spec"]?["replicas"]?.intValue : nil }

    /// The kind of the workload controlling `object` (a ReplicaSet's Deployment), if any.
    static func controllingWorkloadKind(of object: JSONValue) -> String? {
        guard let kind = object["kind"]?.stringValue, WorkloadKind(rawValue: kind) != nil else { return nil }
        return object["metadata"]?["ownerReferences"]?.elements.first {
            $0["controller"].isTrue && WorkloadKind(rawValue: $0["kind"]?.stringValue ?? "") != nil
        }?["kind"]?.stringValue
    }
}
