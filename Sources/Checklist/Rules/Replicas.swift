import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    /// More than this many replicas is treated as no ceiling at all.
    static let maxReasonableReplicas = 100

    static let replicasHA = RuleDefinition(
        rule: Rule(
            id: "replicas-ha", category: .availability, defaultSeverity: .warning,
            title: "Deployments and StatefulSets run at least 2 replicas (or an HPA minimum of 2)",
            remediation: "Run 2 or more replicas (spec.replicas, or the HPA's minReplicas) so one pod's restart or node's drain is not an outage.",
            pss: nil,
            failingExample: "kind: Deployment\nspec:\n  replicas: 1",
            passingExample: "kind: Deployment\nspec:\n  replicas: 3"),
        workload: { subject in
            let kind = subject.workload.kind
            guard kind == .deployment || kind == .statefulSet else { return .notApplicable }
            if let hpa = subject.autoscaler {
                guard subject.hpaMinReplicas < 2 else { return .pass }
                return .fail(Violation(FieldPath.root.key("spec").key("minReplicas"), "is \(subject.hpaMinReplicas): a single pod is a single point of failure", in: hpa.ref))
            }
            guard let replicas = subject.replicas, replicas < 2 else { return .pass }
            let problem = subject.workload.declaredReplicas == nil ? "is not set (1 replica)" : "is \(replicas)"
            return .fail(Violation(FieldPath.root.key("spec").key("replicas"), problem + ": a single pod is a single point of failure"))
        },
        microservice: { subject in
            guard subject.replicas < 2 else { return .pass }
            let field = subject.spec.autoscaling != nil ? "autoscaling.minReplicas" : "replicas"
            return .fail(Violation(MicroserviceSubject.spec.appending(FieldPath(parsing: field)),
                                   "is \(subject.replicas): a single pod is a single point of failure"))
        })

    static let hpaBounds = RuleDefinition(
        rule: Rule(
            id: "hpa-bounds", category: .availability, defaultSeverity: .warning,
            title: "Autoscaling keeps at least 2 replicas, has room to scale, and a real ceiling (at most \(maxReasonableReplicas))",
            remediation: "Set minReplicas to 2 or more and maxReplicas above it, at a ceiling your quota and dependencies can take.",
            pss: nil,
            failingExample: "kind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 1\n  maxReplicas: 1",
            passingExample: "kind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 2\n  maxReplicas: 10"),
        workload: { subject in
            guard let hpa = subject.autoscaler else { return .notApplicable }
            let spec = FieldPath.root.key("spec")
            return .from(boundProblems(min: subject.hpaMinReplicas, max: subject.hpaMaxReplicas).map {
                Violation(spec.key($0.field), $0.problem, in: hpa.ref)
            })
        },
        microservice: { subject in
            guard let autoscaling = subject.spec.autoscaling else { return .notApplicable }
            let base = MicroserviceSubject.spec.key("autoscaling")
            return .from(boundProblems(min: autoscaling.minReplicas ?? Defaults.minReplicas, max: autoscaling.maxReplicas).map {
                Violation(base.key($0.field), $0.problem)
            })
        })

    static let hpaOwnsReplicas = RuleDefinition(
        rule: Rule(
            id: "hpa-owns-replicas", category: .availability, defaultSeverity: .warning,
            title: "A workload under an HPA leaves spec.replicas unset",
            remediation: "Remove spec.replicas when an HPA targets the workload: every apply (and every GitOps sync) resets the count the HPA chose.",
            pss: nil,
            failingExample: "kind: Deployment\nspec:\n  replicas: 3   # while an HPA targets this Deployment",
            passingExample: "kind: Deployment\nspec: {}     # replicas left to the HPA"),
        workload: { subject in
            guard let hpa = subject.autoscaler else { return .notApplicable }
            guard declaresReplicas(subject.workload.value) else { return .pass }
            return .fail(Violation(FieldPath.root.key("spec").key("replicas"),
                                   "is set while \(hpa.ref) owns the replica count; each apply resets it"))
        },
        microservice: { subject in
            guard let autoscaling = subject.spec.autoscaling else { return .notApplicable }
            let minimum = autoscaling.minReplicas ?? Defaults.minReplicas
            guard let replicas = subject.spec.replicas, replicas != minimum else { return .pass }
            return .fail(Violation(MicroserviceSubject.spec.key("replicas"),
                                   "is \(replicas) while spec.autoscaling is set: the HPA runs \(minimum)-\(autoscaling.maxReplicas) replicas; remove spec.replicas"))
        })

    /// Whether the workload's writer set `spec.replicas`. A file says so by having it. A live
    /// object always has it (the API server defaults it to 1), so only its appliers tell: an
    /// `Apply` entry in managedFields owning the field, or kubectl's last-applied configuration
    /// holding it. Update entries are no evidence: they record the server's defaults as the writer's.
    static func declaresReplicas(_ workload: JSONValue) -> Bool {
        guard workload["spec"]?["replicas"] != nil else { return false }
        let metadata = workload["metadata"]
        guard let managed = metadata?["managedFields"]?.arrayValue else { return true }
        let applied = managed.contains {
            $0["operation"]?.stringValue == "Apply" && $0["fieldsV1"]?["f:spec"]?["f:replicas"] != nil
        }
        let lastApplied = metadata?["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]?.stringValue
            .flatMap { try? JSONValue(parsingJSON: Array($0.utf8)) }
        return applied || lastApplied?["spec"]?["replicas"] != nil
    }

    /// What is wrong with autoscaling bounds, by field.
    private static func boundProblems(min: Int, max: Int?) -> [(field: String, problem: String)] {
        var problems: [(field: String, problem: String)] = []
        if min < 2 { problems.append(("minReplicas", "is \(min): scaling down to one pod is an outage waiting to happen")) }
        guard let max else { return problems + [("maxReplicas", "is not set")] }
        if max <= min { problems.append(("maxReplicas", "is \(max), leaving no room to scale above minReplicas \(min)")) }
        if max > maxReasonableReplicas { problems.append(("maxReplicas", "is \(max): over \(maxReasonableReplicas) is no ceiling at all")) }
        return problems
    }
}
