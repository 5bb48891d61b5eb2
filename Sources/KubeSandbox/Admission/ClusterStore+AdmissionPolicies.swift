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

    /// The objects a binding's `paramRef` selects as the policy's `params` for a request in
    /// `requestNamespace`: the named one or those its selector matches, in the reference's
    /// namespace or the request's (for a namespaced kind). Nil when `paramKind` names no
    /// served kind.
    func admissionParams(_ kind: (apiVersion: String, kind: String), reference: JSONValue, requestNamespace: String) -> [JSONValue]? {
        let parts = kind.apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "")
        guard let type = catalog.types.first(where: { $0.group == group && $0.version == version && $0.kind == kind.kind }) else {
            return nil
        }
        let namespace = type.namespaced ? reference["namespace"]?.stringValue ?? requestNamespace : ""
        if let name = reference["name"]?.stringValue {
            return stored(type, namespace: namespace, name: name).map { [$0.value] } ?? []
        }
        let selector = LabelSelector(object: reference["selector"])
        return (objects[type.storageKey] ?? [:]).sorted { $0.key < $1.key }.map(\.value.value).filter { object in
            (object["metadata"]?["namespace"]?.stringValue ?? "") == namespace
                && selector.matches(object["metadata"]?["labels"]?.objectValue ?? [:])
        }
    }
}
