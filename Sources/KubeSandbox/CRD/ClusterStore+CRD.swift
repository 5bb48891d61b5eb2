import KubeModel
import KubeSchema

extension ClusterStore {
    static let crdStorageKey = "customresourcedefinitions.apiextensions.k8s.io"
    static let crdCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io"

    /// A CRD as the server admits it: defaulted, validated (against the stored one on update, which
    /// also keeps its stored versions and adds the new storage version), or a 422 Invalid.
    static func admittedCRD(_ crd: JSONValue, name: String, old: JSONValue?, _ type: ServedResource) throws(SandboxError) -> JSONValue {
        var defaulted = CRDDefaults.applied(to: crd)
        let errors = CRDValidation.violations(defaulted, old: old)
        if !errors.isEmpty { throw .api(.invalid(type, name, errors)) }
        if old != nil {
            let stored = CRDValidation.storedVersions(defaulted, old: old)
            defaulted["status"]?["storedVersions"] = .array(stored.map(JSONValue.string))
        }
        return defaulted
    }

    /// Deletes a CRD as the real server does: it is answered marked for deletion with the
    /// `customresourcecleanup` finalizer, then (at once here) its objects go, then the CRD and its
    /// discovery entries.
    func removeCRD(_ old: StoredObject, _ type: ServedResource) -> JSONValue {
        let key = Self.key(namespace: "", name: old.name)
        var marked = old
        marked.value["metadata"]?["deletionTimestamp"] = .string(Self.timestamp())
        marked.value["metadata"]?["finalizers"] = [.string(Self.crdCleanupFinalizer)]
        let answer = commit(marked, storageKey: type.storageKey, key: key, kind: .modified, previous: old.value)
        var finished = marked
        finished.value = answer
        finished.value["metadata"]?["finalizers"] = nil
        let removed = commit(finished, storageKey: type.storageKey, key: key, kind: .deleted, previous: answer)
        afterRemoval(removed, type, propagation: .background)
        return served(answer, as: type)
    }
}
