import KubeModel

extension RuleDefinition {
    /// The workload matches its kind's schema: every field against the Kubernetes OpenAPI schemas
    /// when the audit has them, else the fields rules read. A break is an error of its own, and the
    /// workload is still judged on every other rule (which read a wrong field as absent).
    static let schemaValid = RuleDefinition(
        rule: Rule(
            id: "schema-valid", category: .meta, defaultSeverity: .error,
            title: "Workloads match their Kubernetes schema",
            remediation: "Fix the field named: the API server rejects the object as written (kubectl apply --dry-run=server says the same). --strict-input refuses such input instead of judging it.",
            pss: nil,
            failingExample: "containers:\n  - image: shop/api:1.8.2\n    ports:\n      - containerPort: \"8080\"",
            passingExample: "containers:\n  - name: api\n    image: shop/api:1.8.2\n    ports:\n      - containerPort: 8080"),
        workload: { subject in
            .from(Checklist.schemaProblems(of: subject.workload.value, schemas: subject.schemas).map { Violation($0.path, $0.message) })
        },
        // A Microservice is read strictly against its schema before it is judged: one that breaks
        // it is invalid input, so every Microservice judged is schema-valid.
        microservice: { _ in .pass })
}
