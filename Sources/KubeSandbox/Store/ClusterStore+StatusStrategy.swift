import KubeModel

/// What a write through the status subresource may change besides the status, per kind, as the
/// API server's status strategies decide: Deployments and ReplicaSets keep the annotations the
/// writer sends (the Deployment controller records its revision annotation this way); other
/// kinds keep only the new status.
extension ClusterStore {
    static let annotatedThroughStatus: Set<String> = ["deployments.apps", "replicasets.apps"]

    /// The stored object `candidate` (with the new status) given the annotations of the written `object`.
    static func statusWrite(_ candidate: JSONValue, from object: JSONValue, _ type: ResourceType) -> JSONValue {
        guard annotatedThroughStatus.contains(type.storageKey) else { return candidate }
        var candidate = candidate
        candidate["metadata"]?["annotations"] = object["metadata"]?["annotations"]
        return candidate
    }

    /// What a status write owns: the status, and the annotations where the strategy keeps them.
    static func ownableThroughStatus(_ value: JSONValue, _ type: ResourceType?) -> JSONValue {
        var owned = JSONObject()
        if let type, annotatedThroughStatus.contains(type.storageKey), let annotations = value["metadata"]?["annotations"] {
            owned["metadata"] = ["annotations": annotations]
        }
        owned["status"] = value["status"]
        return .object(owned)
    }
}
