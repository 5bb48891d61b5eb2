import KubeModel
import KubeSchema

extension ClusterStore {
    /// The `/scale` subresource of a custom resource whose CRD version declares one.
    func customResourceScale(_ type: ResourceType, namespace: String, name: String) throws(SandboxError) -> JSONValue {
        guard let paths = type.scale else { throw .api(.notFoundPath("scale")) }
        return paths.scale(of: try existing(type, namespace: namespace, name: name).value)
    }

    /// Writes a Scale's spec.replicas into the object (a spec update, generation and all) and
    /// answers the Scale after it.
    func setCustomResourceScale(_ type: ResourceType, namespace: String, name: String, to scale: JSONValue,
                  options: WriteOptions) throws(SandboxError) -> JSONValue {
        guard let paths = type.scale else { throw .api(.notFoundPath("scale")) }
        let old = try existing(type, namespace: namespace, name: name)
        if let rv = scale["metadata"]?["resourceVersion"]?.stringValue, !rv.isEmpty, rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        let replicas = scale["spec"]?["replicas"]?.intValue ?? 0
        guard replicas >= 0 else {
            let autoscaling = ResourceType(group: "autoscaling", version: "v1", plural: "scale", singular: "scale", kind: "Scale", namespaced: true)
            throw .api(.invalid(autoscaling, name, [CRDFieldError.invalid(FieldPath(parsing: "spec.replicas"), .integer(replicas), "must be greater than or equal to 0")]))
        }
        let updated = paths.object(served(old.value, as: type), withReplicas: replicas)
        return paths.scale(of: try replace(old, with: updated, type, status: false, options: options).object)
    }
}
