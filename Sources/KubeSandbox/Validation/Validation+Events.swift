import KubeModel

/// events.k8s.io/v1 Events, validated (as the real server does) in their core form: field
/// paths name core Event fields (`involvedObject`, `eventTime`, `type`).
extension Validation {
    static func event(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let namespace = object["metadata"]?["namespace"]?.stringValue ?? ""
        let regarding = object["regarding"]?["namespace"]?.stringValue ?? ""
        let matches = regarding.isEmpty ? ["default", "kube-system"].contains(namespace) : regarding == namespace
        if !matches {
            errors.invalid(FieldPath(parsing: "involvedObject.namespace"), .string(regarding), "does not match event.namespace")
        }
        if (object["eventTime"]?.stringValue ?? "").isEmpty { errors.required(FieldPath().key("eventTime")) }
        let type = object["type"]?.stringValue ?? ""
        if type != "Normal" && type != "Warning" {
            errors.invalid(FieldPath().key("type"), "", "has invalid value: \(type)")
        }
        for field in ["deprecatedFirstTimestamp", "deprecatedLastTimestamp"] where object[field].map({ !$0.isNull }) == true {
            errors.invalid(FieldPath().key(field == "deprecatedFirstTimestamp" ? "firstTimestamp" : "lastTimestamp"), "", "needs to be unset")
        }
        return errors
    }
}
