import KubeModel
import KubeSchema
import ShipshapeAPI

/// The production checklist: judges Microservice specs and Kubernetes workloads against the
/// rule catalogue. Pure: no I/O, no clock; the same input always gives the same result.
public struct Checklist: Sendable {
    public let options: ChecklistOptions
    /// The Kubernetes schemas `schema-valid` judges whole workloads against (a cluster's
    /// `/openapi/v3` documents); nil judges only the fields the rules read.
    public let schemas: OpenAPISchemas?
    private let definitions: [RuleDefinition]

    public init(options: ChecklistOptions = .init(), schemas: OpenAPISchemas? = nil) {
        self.options = options
        self.schemas = schemas
        self.definitions = Catalogue.definitions.filter { options.selects($0.rule) }
    }

    /// Judges a Microservice in its own terms (`spec.resources.requests.cpu is not set`), before
    /// rendering. Exemptions come from `spec.checklist.exemptions`.
    public func check(_ microservice: Microservice, inputIndex: Int? = nil) -> ObjectReport {
        let subject = MicroserviceSubject(microservice, options: options)
        let ref = ObjectRef(kind: microservice.kind, namespace: microservice.metadata.namespace,
                            name: microservice.name, inputIndex: inputIndex)
        return report(ref, exemptions: subject.exemptions) { $0.microservice(subject) }
    }

    /// Judges every workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod)
    /// in `objects`, with the whole set as context: Services, HPAs, PDBs, NetworkPolicies and
    /// ServiceAccounts are read, not judged. Everything else is listed in `skipped` with the
    /// reason (and counted in `skippedKinds`): other kinds, an apiVersion that does not serve the
    /// kind, and workloads controlled by another workload (a Deployment's ReplicaSets and Pods
    /// in a namespace dump), which are judged through their owner. A workload that breaks its
    /// schema is still judged on every rule that can read it; `schema-valid` reports the breaks.
    /// Each `microservices` element is judged as by `check(_:)`; their `inputIndex` continues
    /// after the objects'. Reports come in input order.
    public func check(objects: [JSONValue], microservices: [Microservice] = []) -> AuditResult {
        var inventory = Inventory()
        var workloads: [Workload] = []
        var skippedKinds: [String: Int] = [:]
        var skipped: [SkippedObject] = []
        for (index, object) in objects.enumerated() {
            switch role(of: object, inputIndex: index) {
            case .skipped(let skip, let tally):
                skippedKinds[tally, default: 0] += 1
                skipped.append(skip)
            case .workload:
                if let workload = Workload(object, inputIndex: index) { workloads.append(workload) }
            case .context:
                _ = inventory.add(object, inputIndex: index)
            }
        }
        let reports = workloads.map { check($0, inventory: inventory) }
            + microservices.enumerated().map { check($1, inputIndex: objects.count + $0) }
        return AuditResult(reports: reports, skippedKinds: skippedKinds, skipped: skipped)
    }

    func check(_ workload: Workload, inventory: Inventory) -> ObjectReport {
        let subject = WorkloadSubject(workload, inventory: inventory, options: options, schemas: schemas)
        return report(workload.ref, exemptions: subject.exemptions) { $0.workload(subject) }
    }

    /// Runs every selected rule, applies exemptions and the severity floor.
    private func report(_ ref: ObjectRef, exemptions: [ExemptionClaim],
                        judge: (RuleDefinition) -> Verdict) -> ObjectReport {
        var results: [RuleResult] = []
        for definition in definitions {
            let rule = definition.rule
            let reason = exemptions.reason(for: rule)
            let violations: [Violation]
            switch judge(definition) {
            case .pass: violations = []
            case .fail(let found): violations = found
            case .notApplicable:
                guard reason != nil else { continue }
                violations = []
            }
            let findings = violations.map { violation in
                Finding(rule: rule.id, severity: violation.severity ?? rule.defaultSeverity,
                        status: reason.map { .exempted(reason: $0) } ?? .failed, object: ref,
                        relatedObject: violation.relatedObject, path: violation.path,
                        message: violation.message, remediation: rule.remediation)
            }
            let kept = findings.filter { $0.severity >= options.minimumSeverity }
            if let reason {
                results.append(RuleResult(rule: rule.id, outcome: .exempted(reason: reason), findings: kept))
            } else if findings.isEmpty {
                results.append(RuleResult(rule: rule.id, outcome: .passed, findings: []))
            } else if !kept.isEmpty {
                results.append(RuleResult(rule: rule.id, outcome: .failed, findings: kept))
            }
        }
        return ObjectReport(object: ref, results: results)
    }
}
