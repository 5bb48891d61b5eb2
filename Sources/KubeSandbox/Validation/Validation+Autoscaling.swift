import KubeModel

/// HorizontalPodAutoscalers (`pkg/apis/autoscaling/validation`).
extension Validation {
    static let metricSourceTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"]

    static func horizontalPodAutoscaler(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        let target = spec?["scaleTargetRef"]
        for field in ["kind", "name"] {
            let value = target?[field]?.stringValue ?? ""
            let fieldPath = path.key("scaleTargetRef").key(field)
            if value.isEmpty {
                errors.required(fieldPath)
            } else {
                errors.invalid(fieldPath, value, details: NameRules.pathSegment(value))
            }
        }
        let minReplicas = spec?["minReplicas"]?.intValue ?? 1
        if minReplicas < 1 {
            errors.invalid(path.key("minReplicas"), .integer(minReplicas), "must be greater than or equal to 1")
        }
        let maxReplicas = spec?["maxReplicas"]?.intValue ?? 0
        if maxReplicas < 1 { errors.required(path.key("maxReplicas"), "must be set and greater than 0") }
        if maxReplicas < minReplicas {
            errors.invalid(path.key("maxReplicas"), .integer(maxReplicas), "must be greater than or equal to `minReplicas`")
        }
        for (index, metric) in (spec?["metrics"]?.arrayValue ?? []).enumerated() {
            let type = metric["type"]?.stringValue ?? ""
            if type.isEmpty {
                errors.required(path.key("metrics").index(index).key("type"), "must specify a metric source type")
            } else if !metricSourceTypes.contains(type) {
                errors.notSupported(path.key("metrics").index(index).key("type"), .string(type), metricSourceTypes)
            }
        }
        return errors
    }
}
