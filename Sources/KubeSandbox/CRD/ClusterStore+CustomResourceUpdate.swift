import KubeModel
import KubeSchema

extension ClusterStore {
    /// A custom resource's strategy allows no unconditional update: a PUT (of the object or its
    /// status) must carry the resourceVersion it read, or it is a 422 naming the resource.
    static func requireResourceVersion(_ object: JSONValue, _ type: ResourceType, name: String) throws(SandboxError) {
        guard type.schema != nil, (object["metadata"]?["resourceVersion"]?.stringValue ?? "").isEmpty else { return }
        let message = "Invalid value: 0: must be specified for an update"
        throw .api(APIStatus(code: 422, reason: "Invalid",
                             message: "\(type.qualifiedResource) \"\(name)\" is invalid: metadata.resourceVersion: \(message)",
                             name: name, group: type.group, kind: type.plural,
                             causes: [.init(reason: SchemaViolation.Kind.invalid.rawValue, message: message, field: "metadata.resourceVersion")]))
    }
}
