import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let cpuRequest = resource(
        "cpu-request", .error, list: "requests", resource: "cpu",
        title: "Every container requests CPU",
        remediation: "Set resources.requests.cpu to what the container needs at steady load (for example 100m); the scheduler and the HPA work from it.")
    static let memoryRequest = resource(
        "memory-request", .error, list: "requests", resource: "memory",
        title: "Every container requests memory",
        remediation: "Set resources.requests.memory to the container's working set (for example 128Mi).")
    static let memoryLimit = resource(
        "memory-limit", .error, list: "limits", resource: "memory",
        title: "Every container has a memory limit",
        remediation: "Set resources.limits.memory (for example twice the request) so a leak kills one container, not the node's neighbours.")
    static let cpuLimit = resource(
        "cpu-limit", .warning, list: "limits", resource: "cpu",
        title: "Every container has a CPU limit",
        remediation: "Set resources.limits.cpu, or exempt the rule with a reason if you rely on CPU bursting.")

    /// A rule requiring `resources.<list>.<resource>` on every container (init containers included).
    private static func resource(
        _ id: String, _ severity: Severity, list: String, resource: String, title: String, remediation: String
    ) -> RuleDefinition {
        let rule = Rule(
            id: id, category: .resources, defaultSeverity: severity, title: title, remediation: remediation, pss: nil,
            failingExample: """
                containers:
                  - name: api
                    image: shop/api:1.2.0
                    resources: {}
                """,
            passingExample: """
                containers:
                  - name: api
                    image: shop/api:1.2.0
                    resources:
                      \(list): { \(resource): \(resource == "cpu" ? "250m" : "256Mi") }
                """)
        return RuleDefinition(
            rule: rule,
            workload: { subject in
                .from(subject.workload.containers([.regular, .initContainer]).compactMap { container in
                    let path = container.path.key("resources").key(list).key(resource)
                    return quantityProblem(container.value["resources"]?[list]?[resource]).map { Violation(path, $0) }
                })
            },
            microservice: { subject in
                let resources = subject.spec.resources
                let quantity = list == "requests" ? resources?.requests : resources?.limits
                let value = resource == "cpu" ? quantity?.cpu : quantity?.memory
                let path = MicroserviceSubject.spec.key("resources").key(list).key(resource)
                return .from([quantityProblem(value.map { JSONValue.string($0.text) })].compactMap { $0 }.map { Violation(path, $0) })
            })
    }

    /// Why a resource quantity is unusable: absent, not a quantity, or zero; nil when fine.
    private static func quantityProblem(_ value: JSONValue?) -> String? {
        guard let value, !value.isNull else { return "is not set" }
        guard let amount = value.doubleValue ?? value.stringValue.flatMap(Quantity.parse) else {
            return "is not a valid quantity"
        }
        return amount > 0 ? nil : "is 0"
    }
}
