import KubeModel

extension FieldSelector {
    /// The field labels a resource can be listed and watched by, as the API server registers
    /// them per kind: metadata.name and metadata.namespace everywhere, plus a few kinds' own.
    static func fields(for type: ServedResource) -> [String] {
        var fields = ["metadata.name", "metadata.namespace"]
        switch (type.group, type.kind) {
        case ("", "Pod"):
            fields += ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                       "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"]
        case ("", "Event"):
            fields += ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                       "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                       "reason", "reportingComponent", "source", "type"]
        case ("", "Secret"): fields += ["type"]
        case ("", "Namespace"): fields += ["status.phase"]
        case ("", "Node"): fields += ["spec.unschedulable"]
        case ("", "ReplicationController"), ("apps", "ReplicaSet"): fields += ["status.replicas"]
        case ("batch", "Job"): fields += ["status.successful"]
        case ("", "Service"): fields += ["spec.clusterIP", "spec.type"]
        default: break
        }
        return fields
    }

    /// `"data.k" is not a known field selector: only "metadata.name", "metadata.namespace"`
    static func unknownField(_ label: String, for type: ServedResource) -> APIStatus {
        let known = fields(for: type).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        return .badRequest("\"\(label)\" is not a known field selector: only \(known)")
    }

    /// The value a field label selects on, as the API server renders it (booleans and numbers
    /// as text, missing fields as "").
    static func value(of label: String, in object: JSONValue) -> String {
        switch label {
        case "source": return object["source"]?["component"]?.stringValue ?? ""
        case "status.podIPs": return object["status"]?["podIPs"]?.arrayValue?.first?["ip"]?.stringValue ?? ""
        default:
            switch object[FieldPath(parsing: label)] {
            case .string(let text)?: return text
            case .bool(let flag)?: return flag ? "true" : "false"
            case .integer(let number)?: return String(number)
            default: return ""
            }
        }
    }
}
