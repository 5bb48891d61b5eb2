import KubeModel

/// The directions a NetworkPolicy isolates its pods in.
struct PolicyTypes: OptionSet, Sendable {
    let rawValue: Int
    static let ingress = PolicyTypes(rawValue: 1)
    static let egress = PolicyTypes(rawValue: 2)

    init(rawValue: Int) { self.rawValue = rawValue }

    /// `spec.policyTypes` when given; otherwise implicit, as the API server defaults it:
    /// Ingress always, Egress when the policy has egress rules.
    init(policySpec spec: JSONValue) {
        if let declared = spec["policyTypes"]?.elements.compactMap(\.stringValue), !declared.isEmpty {
            self = PolicyTypes(declared.compactMap { ["Ingress": .ingress, "Egress": .egress][$0] })
        } else {
            self = (spec["egress"]?.elements ?? []).isEmpty ? .ingress : [.ingress, .egress]
        }
    }
}
