import KubeModel

/// One problem a rule found: the field, what is wrong with it, and where it lives.
struct Violation: Sendable, Hashable {
    var path: FieldPath
    /// Completes a sentence whose subject is the path: "is not set", "is 1".
    var problem: String
    /// The object `path` points into, when it is not the judged object.
    var relatedObject: ObjectRef?
    /// Overrides the rule's default severity.
    var severity: Severity?

    init(_ path: FieldPath, _ problem: String, in relatedObject: ObjectRef? = nil, severity: Severity? = nil) {
        self.path = path
        self.problem = problem
        self.relatedObject = relatedObject
        self.severity = severity
    }

    /// `spec.replicas is 1`, or `PodDisruptionBudget shop/orders spec.minAvailable is 2` for another object.
    var message: String {
        let subject = [relatedObject?.description, path.isRoot ? nil : path.description].compactMap { $0 }
        return (subject + [problem]).joined(separator: " ")
    }
}

/// What a rule concluded about one subject.
enum Verdict: Sendable {
    case pass
    /// The rule does not apply (a Job has no readiness; no HPA targets the workload).
    case notApplicable
    case fail([Violation])

    /// `.pass` when there is nothing to report.
    static func from(_ violations: [Violation]) -> Verdict {
        violations.isEmpty ? .pass : .fail(violations)
    }

    static func fail(_ violation: Violation) -> Verdict { .fail([violation]) }
}

/// A catalogue entry with its two judgements: on a workload, and on a Microservice spec.
struct RuleDefinition: Sendable {
    let rule: Rule
    let workload: @Sendable (WorkloadSubject) -> Verdict
    let microservice: @Sendable (MicroserviceSubject) -> Verdict
}
