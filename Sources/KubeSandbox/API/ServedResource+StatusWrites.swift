import KubeModel

extension ServedResource {
    /// Metadata a write through the status subresource may change besides the status: the
    /// Deployment and ReplicaSet status strategies keep the spec and labels but take annotations
    /// (the Deployment controller writes its revision annotation with the status).
    var metadataWrittenWithStatus: [String] {
        ["deployments.apps", "replicasets.apps"].contains(storageKey) ? ["annotations"] : []
    }

    /// `stored` with the status and the metadata a status write may change taken from `body`.
    func statusWritten(_ body: JSONValue, over stored: JSONValue) -> JSONValue {
        var result = stored
        for field in metadataWrittenWithStatus { result["metadata"]?[field] = body["metadata"]?[field] }
        return result
    }

    /// What of `value` a status write owns: the status and the metadata it may change.
    func statusOwnable(_ value: JSONValue) -> JSONValue {
        var result = JSONObject()
        if let status = value["status"] { result["status"] = status }
        var metadata = JSONObject()
        for field in metadataWrittenWithStatus {
            if let member = value["metadata"]?[field], !member.isNull { metadata[field] = member }
        }
        if !metadata.isEmpty { result["metadata"] = .object(metadata) }
        return .object(result)
    }
}
