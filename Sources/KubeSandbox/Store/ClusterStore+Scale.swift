import KubeModel
import KubeSchema

/// The `scale` subresource: an `autoscaling/v1` Scale view of an object's replicas and selector,
/// for Deployments, ReplicaSets, StatefulSets and ReplicationControllers and for custom resources whose CRD declares one;
/// writing it changes only the object's spec replicas (a spec update: generation and all).
extension ClusterStore {
    static let scalableWorkloads: Set<String> = ["deployments.apps", "replicasets.apps", "statefulsets.apps", "replicationcontrollers"]

    /// Where `type`'s Scale reads and writes, if it has a scale subresource.
    static func scaleSubresource(of type: ServedResource) -> ScaleSubresource? {
        type.scale ?? (scalableWorkloads.contains(type.storageKey) ? .workload : nil)
    }

    func scale(_ type: ServedResource, namespace: String, name: String) throws(SandboxError) -> JSONValue {
        guard let subresource = Self.scaleSubresource(of: type) else { throw .api(.notFoundPath("scale")) }
        return subresource.scale(of: try existing(type, namespace: namespace, name: name).value)
    }

    /// PUT (a whole Scale) or PATCH (merge or JSON patch of the Scale) of the subresource.
    func writeScale(_ type: ServedResource, namespace: String, name: String, body: JSONValue, format: PatchFormat?,
                    options: WriteOptions) throws(SandboxError) -> JSONValue {
        guard let subresource = Self.scaleSubresource(of: type) else { throw .api(.notFoundPath("scale")) }
        let old = try existing(type, namespace: namespace, name: name)
        let current = subresource.scale(of: old.value)
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
        // An absent spec.replicas is 0, as Go decodes the Scale.
        let replicas = scale["spec"]?["replicas"]?.intValue ?? 0
        guard replicas >= 0 else {
            let autoscaling = ServedResource(group: "autoscaling", version: "v1", plural: "scale", singular: "scale", kind: "Scale", namespaced: true)
            throw .api(.invalid(autoscaling, name, [SchemaViolation(.invalid, at: FieldPath(parsing: "spec.replicas"),
                                                                    "Invalid value: \(replicas): must be greater than or equal to 0")]))
        }
        let updated = subresource.object(served(old.value, as: type), withReplicas: replicas)
        var options = options
        options.subresource = "scale"
        return subresource.scale(of: try replace(old, with: updated, type, status: false, options: options).object)
    }
}
