import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let networkPolicy = RuleDefinition(
        rule: Rule(
            id: "network-policy", category: .network, defaultSeverity: .warning,
            title: "A NetworkPolicy in the namespace isolates the pods' ingress",
            remediation: "Add a NetworkPolicy selecting the pods (a default deny with podSelector: {} plus allow rules for real callers).",
            pss: nil,
            failingExample: "# no NetworkPolicy in namespace shop selects app: orders",
            passingExample: "kind: NetworkPolicy\nmetadata: { name: default-deny, namespace: shop }\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]"),
        workload: { subject in
            let policies = subject.inventory.networkPolicies(selecting: subject.workload)
            let labels = subject.workload.podLabelsPath
            guard !policies.isEmpty else {
                return .fail(Violation(labels, "are selected by no NetworkPolicy: anything in the cluster can reach these pods"))
            }
            guard policies.contains(where: { PolicyTypes(policySpec: $0.spec).contains(.ingress) }) else {
                return .fail(Violation(labels, "are isolated for egress only (\(policies[0].ref)); no NetworkPolicy restricts ingress"))
            }
            return .pass
        },
        microservice: { _ in .pass })  // Render adds a default-deny policy with allow rules
}
