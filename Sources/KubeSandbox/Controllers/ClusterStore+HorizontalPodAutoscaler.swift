import KubeModel

/// The HorizontalPodAutoscaler controller as it acts in a cluster without a metrics server
/// (`SandboxOptions.horizontalPodAutoscaling`): it holds each target Deployment's replicas
/// within minReplicas and maxReplicas, and reports status (current and desired replicas,
/// AbleToScale, ScalingActive False as no metrics come back, ScalingLimited).
extension ClusterStore {
    static let hpaStorageKey = "horizontalpodautoscalers.autoscaling"

    func reconcileHorizontalPodAutoscalers() {
        for hpa in current(Self.hpaStorageKey) where !Self.isDeleting(hpa) {
            reconcile(hpa: hpa)
        }
    }

    private func reconcile(hpa: StoredObject) {
        guard let spec = hpa.value["spec"], let target = spec["scaleTargetRef"] else { return }
        let minimum = spec["minReplicas"]?.intValue ?? 1
        let maximum = spec["maxReplicas"]?.intValue ?? minimum
        let previous = hpa.value["status"]?["conditions"]?.arrayValue ?? []
        var status: JSONObject = [:]
        let key = Self.key(namespace: hpa.namespace, name: target["name"]?.stringValue ?? "")
        guard target["kind"]?.stringValue == "Deployment", target["apiVersion"]?.stringValue == "apps/v1",
              let deployment = objects["deployments.apps"]?[key] else {
            status["currentReplicas"] = 0
            status["desiredReplicas"] = 0
            status["conditions"] = [Self.condition(
                "AbleToScale", status: "False", reason: "FailedGetScale",
                message: "the HPA controller was unable to get the target's current scale: deployments.apps \"\(target["name"]?.stringValue ?? "")\" not found",
                previous: previous, updateTime: false)]
            return writeStatus(hpa, status)
        }
        let replicas = deployment.value["spec"]?["replicas"]?.intValue ?? 1
        let desired = replicas == 0 ? 0 : min(max(replicas, minimum), maximum)
        if desired != replicas {
            var value = deployment.value
            value["spec"]?["replicas"] = .integer(desired)
            controllerUpdate(deployment, "deployments.apps", value)
            status["lastScaleTime"] = .string(Self.timestamp())
        } else if let last = hpa.value["status"]?["lastScaleTime"] {
            status["lastScaleTime"] = last
        }
        status["currentReplicas"] = .integer(refreshed(deployment, "deployments.apps")?.value["status"]?["replicas"]?.intValue ?? 0)
        status["desiredReplicas"] = .integer(desired)
        let limited = replicas < minimum ? "TooFewReplicas" : replicas > maximum ? "TooManyReplicas" : nil
        status["conditions"] = [
            Self.condition("AbleToScale", status: "True", reason: "SucceededGetScale",
                           message: "the HPA controller was able to get the target's current scale", previous: previous, updateTime: false),
            Self.condition("ScalingActive", status: "False", reason: "FailedGetResourceMetric",
                           message: "the HPA was unable to compute the replica count: no metrics returned from resource metrics API",
                           previous: previous, updateTime: false),
            Self.condition("ScalingLimited", status: limited == nil ? "False" : "True", reason: limited ?? "DesiredWithinRange",
                           message: limited == "TooFewReplicas" ? "the desired replica count is less than the minimum replica count"
                               : limited == "TooManyReplicas" ? "the desired replica count is more than the maximum replica count"
                               : "the desired count is within the acceptable range",
                           previous: previous, updateTime: false),
        ]
        writeStatus(hpa, status)
    }

    private func writeStatus(_ hpa: StoredObject, _ status: JSONObject) {
        guard let latest = refreshed(hpa, Self.hpaStorageKey) else { return }
        var value = latest.value
        value["status"] = .object(status)
        controllerUpdate(latest, Self.hpaStorageKey, value, status: true)
    }
}
