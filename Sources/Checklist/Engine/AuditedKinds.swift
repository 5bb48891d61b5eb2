import KubeModel

/// The kinds an audit judges or reads as context, and the apiVersions that serve each: an
/// object of another kind, or of a known kind under an apiVersion that does not serve it (a
/// typo such as `apiVersion: v1` on a PodDisruptionBudget), is skipped with the reason.
enum AuditedKinds {
    /// Served apiVersions per kind, the current one first. Deprecated versions whose objects
    /// have the same shape are still read: old manifests deserve a verdict too.
    static let apiVersions: [String: [String]] = [
        "Deployment": ["apps/v1", "apps/v1beta2", "apps/v1beta1", "extensions/v1beta1"],
        "StatefulSet": ["apps/v1", "apps/v1beta2", "apps/v1beta1"],
        "DaemonSet": ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
        "ReplicaSet": ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
        "Job": ["batch/v1"],
        "CronJob": ["batch/v1", "batch/v1beta1"],
        "Pod": ["v1"],
        "Service": ["v1"],
        "ServiceAccount": ["v1"],
        "HorizontalPodAutoscaler": ["autoscaling/v2", "autoscaling/v1", "autoscaling/v2beta2", "autoscaling/v2beta1"],
        "PodDisruptionBudget": ["policy/v1", "policy/v1beta1"],
        "NetworkPolicy": ["networking.k8s.io/v1", "extensions/v1beta1"],
        "PrometheusRule": ["monitoring.coreos.com/v1"],
        "ServiceMonitor": ["monitoring.coreos.com/v1"],
        "PodMonitor": ["monitoring.coreos.com/v1"],
        "PeerAuthentication": ["security.istio.io/v1", "security.istio.io/v1beta1"],
    ]

    /// Why `object` is neither judged nor read as context, with the key it is counted under in
    /// `AuditResult.skippedKinds`; nil when the audit uses it. A missing apiVersion is not held
    /// against a known kind (test fixtures, hand-written snippets).
    static func skip(_ object: JSONValue, inputIndex: Int) -> (object: SkippedObject, tally: String)? {
        let kind = object["kind"]?.stringValue ?? ""
        let apiVersion = object["apiVersion"]?.stringValue
        let ref = ObjectRef(kind: kind, namespace: object["metadata"]?["namespace"]?.stringValue,
                            name: object["metadata"]?["name"]?.stringValue ?? "(unnamed)", inputIndex: inputIndex)
        func skipped(_ reason: String, _ tally: String, owned: Bool = false) -> (object: SkippedObject, tally: String) {
            (SkippedObject(object: ref, apiVersion: apiVersion, reason: reason, judgedThroughOwner: owned), tally)
        }
        guard !kind.isEmpty else { return skipped("has no kind, so it is not a Kubernetes object", "(no kind)") }
        guard let served = apiVersions[kind], let current = served.first else {
            if kind == "Microservice", let apiVersion {
                return skipped("apiVersion \(apiVersion) does not serve Microservice (shipshape.dev/v1alpha1 does)", "\(kind) (\(apiVersion))")
            }
            return skipped("\(kind) is not a kind the checklist audits", kind)
        }
        if let apiVersion, !served.contains(apiVersion) {
            return skipped("apiVersion \(apiVersion) does not serve \(kind) (\(current) does)", "\(kind) (\(apiVersion))")
        }
        if let owner = Workload.controllingWorkloadKind(of: object) {
            return skipped("controlled by a \(owner), so it is judged through its owner", "\(kind) (owned by a \(owner))", owned: true)
        }
        return nil
    }
}
