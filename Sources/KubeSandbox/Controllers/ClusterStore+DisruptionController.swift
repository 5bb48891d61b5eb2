import KubeModel

/// The disruption controller: a PodDisruptionBudget's status counts the pods its selector
/// matches (expected), how many must stay healthy, and how many are (none without kubelets).
extension ClusterStore {
    func reconcileDisruptionBudgets() {
        for budget in current("poddisruptionbudgets.policy") where !Self.isDeleting(budget) {
            guard let spec = budget.value["spec"] else { continue }
            let selector = spec["selector"]
            let pods = current("pods", namespace: budget.namespace).filter { pod in
                !Self.isDeleting(pod) && selector != nil && Self.selects(selector, pod.metadata["labels"])
            }
            let expected = pods.count
            let healthy = pods.filter(Self.isReady).count
            let desired: Int
            if let minAvailable = spec["minAvailable"] {
                desired = Self.scaled(minAvailable, of: expected, roundUp: true)
            } else if let maxUnavailable = spec["maxUnavailable"] {
                desired = max(0, expected - Self.scaled(maxUnavailable, of: expected, roundUp: true))
            } else {
                desired = 0
            }
            let allowed = max(0, healthy - desired)
            let generation = budget.metadata["generation"] ?? 1
            let previous = budget.value["status"]?["conditions"]?.arrayValue ?? []
            var condition = Self.condition("DisruptionAllowed", status: allowed > 0 ? "True" : "False",
                                           reason: allowed > 0 ? "SufficientPods" : "InsufficientPods", message: "",
                                           previous: previous, updateTime: false)
            condition["observedGeneration"] = generation
            var value = budget.value
            value["status"] = ["observedGeneration": generation, "disruptionsAllowed": .integer(allowed),
                               "currentHealthy": .integer(healthy), "desiredHealthy": .integer(desired),
                               "expectedPods": .integer(expected), "conditions": [condition]]
            controllerUpdate(budget, "poddisruptionbudgets.policy", value, status: true)
        }
    }

    /// Whether a `metav1.LabelSelector` (matchLabels and matchExpressions) matches `labels`; a
    /// selector that is not an object leaves nothing out.
    static func selects(_ selector: JSONValue?, _ labels: JSONValue?) -> Bool {
        guard let selector, selector.objectValue != nil else { return true }
        return KubeModel.LabelSelector(json: selector)?.matches(labels: labels) ?? false
    }
}
