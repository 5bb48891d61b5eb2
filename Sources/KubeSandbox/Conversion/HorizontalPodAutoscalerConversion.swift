import KubeModel

/// `autoscaling/v1` HorizontalPodAutoscalers are the stored `autoscaling/v2` ones seen through
/// the older schema: one store, kept in the v2 form, and what v1 can carry converted each way
/// (the bounds, the target, and a CPU utilization target and reading).
enum HorizontalPodAutoscalerConversion {
    /// Whether `type` is the autoscaling/v1 view of the shared store.
    static func isV1View(_ type: ServedResource) -> Bool {
        type.group == "autoscaling" && type.version == "v1" && type.plural == "horizontalpodautoscalers"
    }

    /// The stored object as `type` serves it.
    static func served(_ stored: JSONValue, as type: ServedResource) -> JSONValue {
        guard isV1View(type), case .object(var object) = stored else { return stored }
        if let spec = stored["spec"] { object["spec"] = v1Spec(spec) }
        if let status = stored["status"] { object["status"] = v1Status(status) }
        return .object(object)
    }

    /// An object written at `type`'s version in the form it is stored in.
    static func storedForm(_ written: JSONValue, _ type: ServedResource) -> JSONValue {
        guard isV1View(type), case .object(var object) = written else { return written }
        if let spec = written["spec"] { object["spec"] = v2Spec(spec) }
        if let status = written["status"] { object["status"] = v2Status(status) }
        return .object(object)
    }

    private static func v1Spec(_ spec: JSONValue) -> JSONValue {
        var result = JSONObject()
        for key in ["scaleTargetRef", "minReplicas", "maxReplicas"] { result[key] = spec[key] }
        let cpu = cpuMetric(spec["metrics"])
        if cpu?["target"]?["type"]?.stringValue == "Utilization", let target = cpu?["target"]?["averageUtilization"] {
            result["targetCPUUtilizationPercentage"] = target
        }
        return .object(result)
    }

    private static func v1Status(_ status: JSONValue) -> JSONValue {
        var result = JSONObject()
        for key in ["observedGeneration", "lastScaleTime"] { result[key] = status[key] }
        result["currentReplicas"] = status["currentReplicas"] ?? .integer(0)
        result["desiredReplicas"] = status["desiredReplicas"] ?? .integer(0)
        if let current = cpuMetric(status["currentMetrics"])?["current"]?["averageUtilization"] {
            result["currentCPUUtilizationPercentage"] = current
        }
        return .object(result)
    }

    private static func v2Spec(_ spec: JSONValue) -> JSONValue {
        var result = JSONObject()
        for key in ["scaleTargetRef", "minReplicas", "maxReplicas"] { result[key] = spec[key] }
        if let target = spec["targetCPUUtilizationPercentage"], target != .null {
            result["metrics"] = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": target]]]]
        }
        return .object(result)
    }

    private static func v2Status(_ status: JSONValue) -> JSONValue {
        var result = JSONObject()
        for key in ["observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas"] { result[key] = status[key] }
        if let current = status["currentCPUUtilizationPercentage"], current != .null {
            result["currentMetrics"] = [["type": "Resource", "resource": ["name": "cpu", "current": ["averageUtilization": current]]]]
        }
        return .object(result)
    }

    /// The `Resource` metric on cpu, if the list has one.
    private static func cpuMetric(_ metrics: JSONValue?) -> JSONValue? {
        metrics?.arrayValue?.first { $0["type"]?.stringValue == "Resource" && $0["resource"]?["name"]?.stringValue == "cpu" }?["resource"]
    }
}
