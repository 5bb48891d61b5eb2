import KubeModel

/// What the operator's cache keeps of a child (as controller-runtime's cache transform
/// functions do): everything the reconciler reads and nothing else. Kept: `apiVersion`, `kind`,
/// the whole `spec` (ChildComparison checks that every field Shipshape sets still holds its
/// value, adoption reads selectors and template labels), the metadata but `managedFields`
/// (names, uid, resourceVersion, generation, labels, annotations with the applied hash,
/// ownerReferences), and of a Deployment's status what the Microservice's status is built from.
/// Dropped: any other kind's status, and the Deployment status's timestamps and messages. Pure.
public enum ChildProjection {
    /// The Deployment status members `StatusBuilder` reads.
    static let deploymentStatusMembers: Set<String> = ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas"]
    /// The members of a Deployment condition `StatusBuilder` reads.
    static let conditionMembers: Set<String> = ["type", "status", "reason"]

    /// `object` reduced to what the reconciler reads.
    public static func project(_ object: JSONValue) -> JSONValue {
        guard case .object(let members) = object else { return object }
        var projected = JSONObject()
        for (key, value) in members {
            switch key {
            case "metadata":
                var metadata = value
                metadata["managedFields"] = nil
                projected[key] = metadata
            case "status":
                guard members["kind"]?.stringValue == ChildKind.deployment.rawValue else { continue }
                projected[key] = deploymentStatus(value)
            default:
                projected[key] = value
            }
        }
        return .object(projected)
    }

    private static func deploymentStatus(_ status: JSONValue) -> JSONValue {
        guard case .object(let members) = status else { return status }
        var kept = JSONObject()
        for (key, value) in members {
            if deploymentStatusMembers.contains(key) {
                kept[key] = value
            } else if key == "conditions", let conditions = value.arrayValue {
                kept[key] = .array(conditions.map { condition in
                    guard case .object(let fields) = condition else { return condition }
                    return .object(JSONObject(fields.filter { conditionMembers.contains($0.key) }.map { ($0.key, $0.value) }))
                })
            }
        }
        return .object(kept)
    }
}
