import KubeModel

/// Where a `/scale` subresource reads and writes replicas: a CRD version's `subresources.scale`
/// (`.spec.replicas`, `.status.replicas`, an optional `.status.selector` string), or the built-in
/// workloads' (`workload`: the selector rendered from the structured `spec.selector`).
public struct ScaleSubresource: Sendable, Hashable {
    public var specReplicasPath: String
    public var statusReplicasPath: String
    public var labelSelectorPath: String?
    /// Built-in workloads: the Scale's selector is `spec.selector` in its query-string form.
    var selectorFromSpec = false

    /// Deployments, ReplicaSets, StatefulSets and ReplicationControllers.
    static let workload = ScaleSubresource(specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas",
                                           labelSelectorPath: nil, selectorFromSpec: true)

    init(specReplicasPath: String, statusReplicasPath: String, labelSelectorPath: String?, selectorFromSpec: Bool) {
        self.specReplicasPath = specReplicasPath
        self.statusReplicasPath = statusReplicasPath
        self.labelSelectorPath = labelSelectorPath
        self.selectorFromSpec = selectorFromSpec
    }

    init?(_ scale: JSONValue?) {
        guard let scale, let spec = scale["specReplicasPath"]?.stringValue,
              let status = scale["statusReplicasPath"]?.stringValue else { return nil }
        specReplicasPath = spec
        statusReplicasPath = status
        labelSelectorPath = scale["labelSelectorPath"]?.stringValue
    }

    /// The object's `autoscaling/v1` Scale: identity, spec.replicas, status.replicas and selector.
    func scale(of object: JSONValue) -> JSONValue {
        var metadata = JSONObject()
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { metadata[key] = object["metadata"]?[key] }
        var status: JSONObject = ["replicas": .integer(object[Self.keys(statusReplicasPath)]?.intValue ?? 0)]
        if selectorFromSpec {
            status["selector"] = .string(Self.selectorText(object["spec"]?["selector"]))
        } else if let labelSelectorPath, let selector = object[Self.keys(labelSelectorPath)]?.stringValue {
            status["selector"] = .string(selector)
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": .integer(object[Self.keys(specReplicasPath)]?.intValue ?? 0)], "status": .object(status),
        ]
    }

    /// The object with its spec replicas set.
    func object(_ object: JSONValue, withReplicas replicas: Int) -> JSONValue {
        Self.setting(.integer(replicas), at: Self.keys(specReplicasPath).components[...], in: object)
    }

    /// `.spec.replicas` as a path of keys.
    static func keys(_ path: String) -> FieldPath { FieldPath(parsing: String(path.drop { $0 == "." })) }

    /// A label selector in its query-string form: `app=web,tier in (a,b),!legacy` (a
    /// ReplicationController's selector is a plain label map).
    static func selectorText(_ selector: JSONValue?) -> String {
        var selector = selector
        if let map = selector, map.objectValue != nil, map["matchLabels"] == nil, map["matchExpressions"] == nil {
            selector = ["matchLabels": map]
        }
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

    private static func setting(_ value: JSONValue, at path: ArraySlice<FieldPath.Component>, in object: JSONValue) -> JSONValue {
        guard let first = path.first, case .key(let key) = first else { return value }
        var object = object.objectValue != nil ? object : .object(JSONObject())
        object[key] = setting(value, at: path.dropFirst(), in: object[key] ?? .null)
        return object
    }
}
