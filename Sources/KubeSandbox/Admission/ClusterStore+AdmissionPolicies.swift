import KubeModel

extension ClusterStore {
    static let admissionPolicyKeys = (
        policies: "validatingadmissionpolicies.admissionregistration.k8s.io",
        bindings: "validatingadmissionpolicybindings.admissionregistration.k8s.io")

    /// Every stored binding with its policy, in the order of the bindings' names.
    func admissionPolicies() -> [AdmissionPolicy] {
        let bindings = (objects[Self.admissionPolicyKeys.bindings] ?? [:]).sorted { $0.key < $1.key }.map(\.value.value)
        guard !bindings.isEmpty else { return [] }
        let policies = (objects[Self.admissionPolicyKeys.policies] ?? [:]).map(\.value.value)
        return AdmissionPolicy.all(policies: policies, bindings: bindings)
    }
}
