import KubeModel

extension ClusterStore {
    /// The revision a list reads at, as the API server interprets `resourceVersion` and
    /// `resourceVersionMatch`: unset or "0" is now; otherwise "not older than" it (now) or, with
    /// Exact, that revision itself. A revision not reached yet is 504 "Too large resource version";
    /// an Exact revision older than the kept history is 410 Expired.
    func listRevision(_ query: ListQuery) throws(SandboxError) -> Int {
        guard let text = query.resourceVersion, let requested = Int(text), requested != 0 else { return revision }
        if requested > revision { throw .api(.resourceVersionTooLarge(requested, current: revision)) }
        guard query.resourceVersionMatch == .exact else { return revision }
        if requested < compactedRevision { throw .api(.expired("The resourceVersion for the provided list is too old.")) }
        return requested
    }

    /// The objects of a resource as they were at `at` (rebuilt by undoing later history events);
    /// the current objects for the current revision.
    func snapshot(_ type: ServedResource, at: Int) -> [String: StoredObject] {
        var byKey = objects[type.storageKey] ?? [:]
        guard at < revision else { return byKey }
        for event in history.reversed() {
            guard event.revision > at else { break }
            guard event.storageKey == type.storageKey else { continue }
            let name = event.object["metadata"]?["name"]?.stringValue ?? ""
            let key = Self.key(namespace: type.namespaced ? event.namespace : "", name: name)
            switch event.kind {
            case .added: byKey[key] = nil
            case .modified, .deleted: byKey[key] = event.previous.map { StoredObject(value: $0) }
            }
        }
        return byKey
    }
}

extension APIStatus {
    /// 504 for a resourceVersion the server has not reached: `Timeout: Too large resource version`.
    static func resourceVersionTooLarge(_ requested: Int, current: Int) -> APIStatus {
        APIStatus(code: 504, reason: "Timeout", message: "Timeout: Too large resource version: \(requested), current: \(current)",
                  causes: [Cause(reason: "ResourceVersionTooLarge", message: "Too large resource version", field: nil)],
                  retryAfterSeconds: 1)
    }

    /// 422 for list options the API server rejects: `ListOptions.meta.k8s.io "" is invalid: ...`.
    static func invalidListOptions(_ field: String, reason: String, _ detail: String) -> APIStatus {
        APIStatus(code: 422, reason: "Invalid", message: "ListOptions.meta.k8s.io \"\" is invalid: \(field): \(detail)",
                  group: "meta.k8s.io", kind: "ListOptions", causes: [Cause(reason: reason, message: detail, field: field)])
    }
}
