import KubeModel

extension Checklist {
    /// Whether a literal environment variable looks like secret material, by its name or its
    /// value's shape: the test the `no-inline-secrets` rule applies, for tools (import) that must
    /// agree with it.
    public static func literalLooksSecret(name: String, value: String) -> Bool {
        !value.isEmpty && (SecretDetector.nameLooksSecret(name) || SecretDetector.valueLooksSecret(value))
    }

    /// Whether a `metav1.LabelSelector` value selects `labels` (an empty selector selects all,
    /// a malformed one nothing), as the audit matches PDBs and NetworkPolicies to pods.
    public static func selector(_ selector: JSONValue, matches labels: [String: String]) -> Bool {
        LabelSelector(json: selector)?.matches(labels) ?? false
    }

    /// Whether a Service's plain `spec.selector` map selects `labels` (an empty or absent one selects no pods).
    public static func serviceSelector(_ selector: JSONValue?, matches labels: [String: String]) -> Bool {
        LabelSelector(serviceSelector: selector)?.matches(labels) ?? false
    }
}
