import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let imagePinned = RuleDefinition(
        rule: Rule(
            id: "image-pinned", category: .images, defaultSeverity: .error,
            title: "Images are pinned to a version tag or a digest, never latest",
            remediation: "Use an immutable version tag (shop/api:1.8.2) or a digest (shop/api@sha256:...), so every node runs the same code and rollbacks are real.",
            pss: nil,
            failingExample: "containers:\n  - name: api\n    image: registry.example.com/shop/api:latest",
            passingExample: "containers:\n  - name: api\n    image: registry.example.com/shop/api:1.8.2"),
        workload: { subject in
            .from(subject.workload.containers().compactMap { container in
                ImageReference.pinningProblem(container.value["image"]?.stringValue).map { Violation(container.path.key("image"), $0) }
            })
        },
        microservice: { subject in
            .from([ImageReference.pinningProblem(subject.spec.image)].compactMap { $0 }.map {
                Violation(MicroserviceSubject.spec.key("image"), $0)
            })
        })
}
