import KubeModel

/// The `scale` subresource of Deployments, ReplicaSets, StatefulSets and ReplicationControllers:
/// an `autoscaling/v1` Scale view of `spec.replicas`, `status.replicas` and the selector; writing
/// it changes only the workload's `spec.replicas`.
extension ClusterStore {
    static let scalableResources: Set<String> = ["deployments.apps", "replicasets.apps", "statefulsets.apps", "replicationcontrollers"]

    func scale(_ type: ResourceType, namespace: String, name: String) throws(SandboxError) -> JSONValue {
        Self.scaleView(try existing(type, namespace: namespace, name: name).value)
    }

    /// PUT (a whole Scale) or PATCH (merge or JSON patch of the Scale) of the subresource.
    func writeScale(_ type: ResourceType, namespace: String, name: String, body: JSONValue, format: PatchFormat?,
                    options: WriteOptions) throws(SandboxError) -> JSONValue {
        let old = try existing(type, namespace: namespace, name: name)
        let current = Self.scaleView(old.value)
        let scale: JSONValue
        switch format {
        case nil: scale = body
        case .json?: scale = try JSONPatch.apply(body, to: current)
        case .apply?: throw .api(.unsupportedMediaType("application/apply-patch+yaml"))
        default: scale = MergePatch.apply(body, to: current)
        }
        if let rv = scale["metadata"]?["resourceVersion"]?.stringValue, !rv.isEmpty, rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        guard let replicas = scale["spec"]?["replicas"]?.intValue, replicas >= 0 else {
            let given = scale["spec"]?["replicas"]?.jsonText() ?? "null"
            throw .api(APIStatus(code: 422, reason: "Invalid", message: "Scale.autoscaling \"\(name)\" is invalid: spec.replicas: Invalid value: \(given): must be greater than or equal to 0",
                                 name: name, group: "autoscaling", kind: "Scale",
                                 causes: [.init(reason: "FieldValueInvalid", message: "Invalid value: \(given): must be greater than or equal to 0", field: "spec.replicas")]))
        }
        var value = old.value
        value["spec"]?["replicas"] = .integer(replicas)
        let result = try replace(old, with: value, type, status: false, options: options)
        return Self.scaleView(result.object)
    }

    static func scaleView(_ object: JSONValue) -> JSONValue {
        var metadata = JSONObject()
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { metadata[key] = object["metadata"]?[key] }
        return ["kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
                "spec": ["replicas": object["spec"]?["replicas"] ?? 0],
                "status": ["replicas": object["status"]?["replicas"] ?? 0, "selector": .string(selectorText(labelSelector(object["spec"]?["selector"])))]]
    }

    /// A workload's selector as a label selector: a ReplicationController's is a plain label map.
    private static func labelSelector(_ selector: JSONValue?) -> JSONValue? {
        guard let selector, selector["matchLabels"] == nil, selector["matchExpressions"] == nil, selector.objectValue != nil else { return selector }
        return ["matchLabels": selector]
    }

    /// A label selector in its query-string form: `app=web,tier in (a,b),!legacy`.
    static func selectorText(_ selector: JSONValue?) -> String {
        var terms = (selector?["matchLabels"]?.objectValue ?? JSONObject()).map { "\($0.key)=\($0.value.stringValue ?? "")" }
        for expression in selector?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
            switch expression["operator"]?.stringValue {
            case "In": terms.append("\(key) in (\(values))")
            case "NotIn": terms.append("\(key) notin (\(values))")
            case "Exists": terms.append(key)
            case "DoesNotExist": terms.append("!" + key)
            default: break
            }
        }
        return terms.sorted().joined(separator: ",")
    }
}
