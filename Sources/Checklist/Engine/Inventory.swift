import KubeModel

/// An object of the input that gives context to workloads (a Service, HPA, PDB, ...).
struct ContextObject: Sendable {
    let ref: ObjectRef
    let value: JSONValue
    /// The pods it selects, read once: a Service's selector, a PDB's selector, a NetworkPolicy's
    /// podSelector; nil when it selects none (or is an HPA or ServiceAccount).
    let selector: LabelSelector?

    init(ref: ObjectRef, value: JSONValue) {
        self.ref = ref
        self.value = value
        let spec = value["spec"] ?? .null
        switch ref.kind {
        case "Service": selector = LabelSelector(serviceSelector: spec["selector"])
        case "PodDisruptionBudget": selector = spec["selector"].flatMap { LabelSelector(json: $0) }
        case "NetworkPolicy": selector = spec["podSelector"].flatMap { LabelSelector(json: $0) }
        case "PodMonitor", "PeerAuthentication": selector = spec["selector"].flatMap { LabelSelector(json: $0) }
        default: selector = nil
        }
    }

    var spec: JSONValue { value["spec"] ?? .null }

    func selects(_ workload: Workload) -> Bool { selector?.matches(workload.podLabels) ?? false }
}

/// The non-workload objects of an audit, grouped by namespace, answering "what selects or
/// targets this workload". Objects without a namespace only meet objects without one.
struct Inventory: Sendable {
    /// The kinds read as context; every other non-workload kind is skipped.
    static let contextKinds: Set<String> = [
        "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceAccount",
        "PrometheusRule", "ServiceMonitor", "PodMonitor", "PeerAuthentication",
    ]

    private var byNamespace: [String: [String: [ContextObject]]] = [:]
    /// The kinds of the objects held.
    private(set) var kinds: Set<String> = []

    init() {}

    /// Adds `value` if its kind is a context kind; returns whether it was.
    mutating func add(_ value: JSONValue, inputIndex: Int?) -> Bool {
        guard let kind = value["kind"]?.stringValue, Self.contextKinds.contains(kind) else { return false }
        let namespace = value["metadata"]?["namespace"]?.stringValue
        let ref = ObjectRef(kind: kind, namespace: namespace,
                            name: value["metadata"]?["name"]?.stringValue ?? "(unnamed)", inputIndex: inputIndex)
        byNamespace[namespace ?? "", default: [:]][kind, default: []].append(ContextObject(ref: ref, value: value))
        kinds.insert(kind)
        return true
    }

    func objects(_ kind: String, near workload: Workload) -> [ContextObject] {
        byNamespace[workload.ref.namespace ?? ""]?[kind] ?? []
    }

    /// The objects of `kind` in `namespace` (looked up, not searched for: a workload's audit
    /// must not take time in proportion to every namespace of the input).
    func objects(_ kind: String, in namespace: String) -> [ContextObject] { byNamespace[namespace]?[kind] ?? [] }

    /// Services whose selector selects the workload's pods.
    func services(selecting workload: Workload) -> [ContextObject] {
        objects("Service", near: workload).filter { $0.selects(workload) }
    }

    /// The first HPA whose `scaleTargetRef` names the workload.
    func autoscaler(for workload: Workload) -> ContextObject? {
        objects("HorizontalPodAutoscaler", near: workload).first {
            $0.spec["scaleTargetRef"]?["kind"]?.stringValue == workload.ref.kind
                && $0.spec["scaleTargetRef"]?["name"]?.stringValue == workload.ref.name
        }
    }

    /// PDBs whose selector selects the workload's pods (policy/v1: `{}` selects all, absent none).
    func disruptionBudgets(covering workload: Workload) -> [ContextObject] {
        objects("PodDisruptionBudget", near: workload).filter { $0.selects(workload) }
    }

    /// NetworkPolicies whose podSelector selects the workload's pods (`{}` selects all).
    func networkPolicies(selecting workload: Workload) -> [ContextObject] {
        objects("NetworkPolicy", near: workload).filter { $0.selects(workload) }
    }

    /// The ServiceAccount of that name in the workload's namespace, if the input has it.
    func serviceAccount(named name: String, near workload: Workload) -> ContextObject? {
        objects("ServiceAccount", near: workload).first { $0.ref.name == name }
    }
}
