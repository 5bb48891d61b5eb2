import KubeModel

/// Where a `/scale` subresource reads and writes replicas: a CRD version's `subresources.scale`
/// (`.spec.replicas`, `.status.replicas`, an optional `.status.selector`).
public struct ScaleSubresource: Sendable, Hashable {
    public var specReplicasPath: String
    public var statusReplicasPath: String
    public var labelSelectorPath: String?

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
        if let labelSelectorPath, let selector = object[Self.keys(labelSelectorPath)]?.stringValue { status["selector"] = .string(selector) }
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

    private static func setting(_ value: JSONValue, at path: ArraySlice<FieldPath.Component>, in object: JSONValue) -> JSONValue {
        guard let first = path.first, case .key(let key) = first else { return value }
        var object = object.objectValue != nil ? object : .object(JSONObject())
        object[key] = setting(value, at: path.dropFirst(), in: object[key] ?? .null)
        return object
    }
}
