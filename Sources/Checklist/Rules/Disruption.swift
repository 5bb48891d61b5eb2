import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let pdb = RuleDefinition(
        rule: Rule(
            id: "pdb", category: .availability, defaultSeverity: .warning,
            title: "A workload that runs several replicas has a PodDisruptionBudget",
            remediation: "Add a PodDisruptionBudget (policy/v1) selecting the pods, for example maxUnavailable: 1, so drains and upgrades keep the service up.",
            pss: nil,
            failingExample: "kind: Deployment   # replicas: 3, and no PodDisruptionBudget selects app: orders",
            passingExample: "kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector: { matchLabels: { app: orders } }"),
        workload: { subject in
            guard subject.canRunSeveral else { return .notApplicable }
            return subject.inventory.disruptionBudgets(covering: subject.workload).isEmpty
                ? .fail(Violation(subject.workload.podLabelsPath, "are selected by no PodDisruptionBudget")) : .pass
        },
        microservice: { subject in subject.canRunSeveral ? .pass : .notApplicable })  // Render adds one

    static let pdbAllowsEviction = RuleDefinition(
        rule: Rule(
            id: "pdb-allows-eviction", category: .availability, defaultSeverity: .error,
            title: "A PodDisruptionBudget allows at least one eviction at the workload's replica count",
            remediation: "Set maxUnavailable: 1 (or a minAvailable below the replica count) so nodes can be drained.",
            pss: nil,
            failingExample: "kind: PodDisruptionBudget   # for a Deployment with replicas: 2\nspec:\n  minAvailable: 2",
            passingExample: "kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1"),
        workload: { subject in
            guard let replicas = subject.replicas, replicas > 0 else { return .notApplicable }
            let budgets = subject.inventory.disruptionBudgets(covering: subject.workload)
            guard !budgets.isEmpty else { return .notApplicable }
            return .from(budgets.compactMap { budget in
                IntOrPercent.evictionBlock(minAvailable: IntOrPercent(budget.spec["minAvailable"]),
                                           maxUnavailable: IntOrPercent(budget.spec["maxUnavailable"]), replicas: replicas)
                    .map { Violation(FieldPath.root.key("spec").key($0.field), $0.problem, in: budget.ref) }
            })
        },
        microservice: { subject in
            guard subject.canRunSeveral else { return .notApplicable }
            let availability = subject.spec.availability
            let block = IntOrPercent.evictionBlock(
                minAvailable: availability?.minAvailable.map(IntOrPercent.init),
                maxUnavailable: availability?.maxUnavailable.map(IntOrPercent.init), replicas: subject.replicas)
            return .from([block].compactMap { $0 }.map {
                Violation(MicroserviceSubject.spec.key("availability").key($0.field), $0.problem)
            })
        })

    static let topologySpread = RuleDefinition(
        rule: Rule(
            id: "topology-spread", category: .availability, defaultSeverity: .warning,
            title: "Replicas are spread across nodes (topologySpreadConstraints or pod anti-affinity)",
            remediation: "Add topologySpreadConstraints on kubernetes.io/hostname (and topology.kubernetes.io/zone), or a podAntiAffinity, so one node failure cannot take every replica.",
            pss: nil,
            failingExample: "spec:\n  replicas: 3\n  template:\n    spec: { containers: [...] }",
            passingExample: "topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: kubernetes.io/hostname\n    whenUnsatisfiable: ScheduleAnyway\n    labelSelector: { matchLabels: { app: orders } }"),
        workload: { subject in
            guard subject.canRunSeveral else { return .notApplicable }
            let podSpec = subject.workload.podSpec
            let spread = !(podSpec["topologySpreadConstraints"]?.elements ?? []).isEmpty
            let antiAffinity = !(podSpec["affinity"]?["podAntiAffinity"]?.objectValue?.isEmpty ?? true)
            return spread || antiAffinity ? .pass
                : .fail(Violation(subject.workload.podSpecPath.key("topologySpreadConstraints"),
                                  "is not set and there is no pod anti-affinity: every replica may land on one node"))
        },
        microservice: { subject in subject.canRunSeveral ? .pass : .notApplicable })  // Render spreads by default

    static let rollingUpdate = RuleDefinition(
        rule: Rule(
            id: "rolling-update", category: .availability, defaultSeverity: .warning,
            title: "Rollouts replace pods gradually (no Recreate or OnDelete, maxUnavailable below the replica count)",
            remediation: "Use the RollingUpdate strategy with maxUnavailable below the replica count (for example 0 with maxSurge 1).",
            pss: nil,
            failingExample: "kind: Deployment\nspec:\n  strategy: { type: Recreate }",
            passingExample: "kind: Deployment\nspec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }"),
        workload: { subject in
            let spec = FieldPath.root.key("spec")
            let strategyField: String
            switch subject.workload.kind {
            case .deployment: strategyField = "strategy"
            case .statefulSet, .daemonSet: strategyField = "updateStrategy"
            default: return .notApplicable
            }
            let strategy = subject.workload.value["spec"]?[strategyField] ?? .null
            switch strategy["type"]?.stringValue {
            case "Recreate":
                return .fail(Violation(spec.key(strategyField).key("type"), "is Recreate: every pod stops before new ones start"))
            case "OnDelete":
                return .fail(Violation(spec.key(strategyField).key("type"), "is OnDelete: updates wait for pods to be deleted by hand"))
            default: break
            }
            guard let replicas = subject.replicas, replicas > 0,
                  let maxUnavailable = IntOrPercent(strategy["rollingUpdate"]?["maxUnavailable"]),
                  maxUnavailable.scaled(to: replicas, roundUp: false) >= replicas
            else { return .pass }
            return .fail(Violation(spec.key(strategyField).key("rollingUpdate").key("maxUnavailable"),
                                   "is \(maxUnavailable) with \(replicas) replica\(replicas == 1 ? "" : "s"): a rollout may stop every pod"))
        },
        microservice: { _ in .pass })  // Render's Deployment rolls with maxUnavailable below the count
}
