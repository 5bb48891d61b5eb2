import KubeModel
import KubeSchema
import ShipshapeAPI

/// A workload under judgement, with the audit's other objects for context.
struct WorkloadSubject: Sendable {
    let workload: Workload
    let inventory: Inventory
    let exemptions: [ExemptionClaim]
    /// The PSS level security rules check at.
    let level: PSSLevel
    /// A PSS profile was asked for: check its controls exactly, no leniency.
    let exactPSS: Bool
    /// The HPA targeting a replicated workload.
    let autoscaler: ContextObject?
    /// The mesh is detected or mTLS required cluster-wide (`mtls-enforced` applies).
    let meshApplies: Bool
    /// The schemas `schema-valid` judges against (nil: the fields the rules read).
    let schemas: OpenAPISchemas?

    init(_ workload: Workload, inventory: Inventory, options: ChecklistOptions, schemas: OpenAPISchemas?) {
        self.workload = workload
        self.schemas = schemas
        self.inventory = inventory
        self.exemptions = ExemptionClaim.annotated(in: workload)
        self.level = options.level
        self.exactPSS = options.profile != nil
        self.autoscaler = workload.kind.isReplicated ? inventory.autoscaler(for: workload) : nil
        self.meshApplies = options.meshDetected || options.meshMTLSByDefault || inventory.contains("PeerAuthentication")
    }

    var ref: ObjectRef { workload.ref }
    var hpaMinReplicas: Int { autoscaler?.spec["minReplicas"]?.intValue ?? 1 }
    var hpaMaxReplicas: Int? { autoscaler?.spec["maxReplicas"]?.intValue }

    /// The replica count disruption and rollout rules judge against: the HPA's minimum when one
    /// owns the count, else `spec.replicas` (default 1). nil for kinds without replicas.
    var replicas: Int? {
        guard workload.kind.isReplicated else { return nil }
        return autoscaler != nil ? hpaMinReplicas : (workload.declaredReplicas ?? 1)
    }

    /// Whether more than one pod can run (so disruption budgets and spreading matter).
    var canRunSeveral: Bool {
        guard workload.kind.isReplicated else { return false }
        if autoscaler != nil { return max(hpaMinReplicas, hpaMaxReplicas ?? 0) > 1 }
        return (replicas ?? 1) > 1
    }
}

/// A Microservice under judgement, in its own terms (before rendering).
struct MicroserviceSubject: Sendable {
    let microservice: Microservice
    let exemptions: [ExemptionClaim]
    let level: PSSLevel
    let exactPSS: Bool
    /// The cluster serves Istio's kinds (`mtls-enforced` applies).
    let meshDetected: Bool
    /// mTLS is required cluster-wide unless `mesh.mtls: disabled`.
    let meshMTLSByDefault: Bool

    init(_ microservice: Microservice, options: ChecklistOptions) {
        self.microservice = microservice
        self.exemptions = ExemptionClaim.declared(in: microservice)
        self.level = options.level
        self.exactPSS = options.profile != nil
        self.meshDetected = options.meshDetected
        self.meshMTLSByDefault = options.meshMTLSByDefault
    }

    var spec: MicroserviceSpec { microservice.spec }
    static let spec = FieldPath.root.key("spec")

    /// The HPA's minimum when autoscaling, else `spec.replicas` (default 2).
    var replicas: Int {
        spec.autoscaling.map { $0.minReplicas ?? Defaults.minReplicas } ?? spec.replicas ?? Defaults.replicas
    }

    /// Whether more than one pod can run; Render then adds a PDB and spreads the pods.
    var canRunSeveral: Bool {
        spec.autoscaling.map { max($0.minReplicas ?? Defaults.minReplicas, $0.maxReplicas) > 1 } ?? (replicas > 1)
    }
}
