import KubeModel
import KubeSchema

extension ClusterStore {
    /// A custom resource's strategy allows no unconditional update: a PUT (of the object or its
    /// status) must carry the resourceVersion it read, or it is a 422 naming the resource.
    static func requireResourceVersion(_ object: JSONValue, _ type: ServedResource, name: String) throws(SandboxError) {
        guard type.schema != nil, (object["metadata"]?["resourceVersion"]?.stringValue ?? "").isEmpty else { return }
        let message = "Invalid value: 0: must be specified for an update"
        throw .api(APIStatus(code: 422, reason: "Invalid",
                             message: "\(type.qualifiedResource) \"\(name)\" is invalid: metadata.resourceVersion: \(message)",
                             name: name, group: type.group, kind: type.plural,
                             causes: [.init(reason: SchemaViolation.Kind.invalid.rawValue, message: message, field: "metadata.resourceVersion")]))
    }
}

extension ClusterStore {
    /// Whether `apiVersion` names a version the custom resource `type`'s CRD serves (the API
    /// server converts such a body to the version of the URL).
    func servesCustomResource(_ type: ServedResource, in apiVersion: String) -> Bool {
        guard type.schema != nil, apiVersion.hasPrefix(type.group + "/") else { return false }
        return catalog.find(group: type.group, version: String(apiVersion.dropFirst(type.group.count + 1)), plural: type.plural) != nil
    }

    /// A body in a version the CRD does not have decodes with no schema: its members besides
    /// apiVersion, kind and metadata are unknown fields (warned about before the version is refused).
    static func undecodedFields(_ body: JSONValue) -> [String] {
        (body.objectValue?.keys ?? []).filter { !["apiVersion", "kind", "metadata"].contains($0) }.map { "unknown field \"\($0)\"" }
    }
}
