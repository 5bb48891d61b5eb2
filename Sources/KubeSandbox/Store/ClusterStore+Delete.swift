import KubeModel

extension ClusterStore {
    /// Deletes an object. With finalizers it is only marked (deletionTimestamp) and goes when its
    /// last finalizer is removed. After a background deletion the garbage collector deletes the
    /// dependents (by ownerReferences) once the request is answered; Foreground and Orphan mark the object with the `foregroundDeletion` or `orphan`
    /// finalizer, which the garbage collector finishes. A namespace is marked Terminating and
    /// emptied by the namespace controller; `default`, `kube-system` and `kube-public` are never
    /// deleted. `removed` tells an object that is gone (the API server answers a Status) from one
    /// that waits for its finalizers (answered with the object).
    func delete(_ type: ServedResource, namespace: String, name: String,
                request: DeleteRequest) throws(SandboxError) -> (object: JSONValue, removed: Bool) {
        let old = try existing(type, namespace: namespace, name: name)
        if type.storageKey == "namespaces", Self.undeletableNamespaces.contains(name) {
            throw .api(APIStatus(code: 403, reason: "Forbidden", message: "namespaces \"\(name)\" is forbidden: this namespace may not be deleted",
                                 name: name, group: "", kind: "namespaces"))
        }
        if let uid = request.preconditionUID, uid != old.uid {
            throw .api(Self.preconditionFailed(type, name, "the UID in the precondition (\(uid)) does not match the UID in record (\(old.uid)). The object might have been deleted and then recreated"))
        }
        if let rv = request.preconditionResourceVersion, rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(Self.preconditionFailed(type, name, "the ResourceVersion in the precondition (\(rv)) does not match the ResourceVersion in record (\(old.metadata["resourceVersion"]?.stringValue ?? "")). The object might have been modified"))
        }
        let finalized = Self.finalizersOnDelete(old, type, propagation: request.propagation).isEmpty
            && !Self.waitsForNamespaceController(old, type)
        // Pods and Services are answered with the object even when they are gone at once.
        let answersWithObject = ["pods", "services"].contains(type.storageKey)
        if request.dryRun { return (served(old.value, as: type), finalized && !answersWithObject) }
        if type.storageKey == Self.crdStorageKey, finalized { return (removeCRD(old, type), false) }
        var answer = remove(old, type, propagation: request.propagation)
        if type.storageKey == "pods", finalized, answer["metadata"]?["deletionTimestamp"] == nil {
            // An unscheduled Pod goes at once, but is answered as gracefully deleted.
            answer["metadata"]?["deletionTimestamp"] = .string(Self.timestamp())
            answer["metadata"]?["deletionGracePeriodSeconds"] = .integer(request.gracePeriodSeconds ?? 0)
            answer["metadata"]?["generation"] = .integer((old.metadata["generation"]?.intValue ?? 1) + 1)
        }
        return (answer, finalized && !answersWithObject)
    }

    static let undeletableNamespaces: Set<String> = ["default", "kube-system", "kube-public"]

    /// A delete precondition that does not hold: a Conflict naming the object by its Kind.
    static func preconditionFailed(_ type: ServedResource, _ name: String, _ detail: String) -> APIStatus {
        APIStatus(code: 409, reason: "Conflict", message: "Operation cannot be fulfilled on \(type.kind) \"\(name)\": \(detail)",
                  name: name, group: type.group, kind: type.kind)
    }

    /// The finalizers an object is marked with when deleted: its own, plus the garbage
    /// collector's for Orphan and Foreground propagation.
    static func finalizersOnDelete(_ object: StoredObject, _ type: ServedResource, propagation: DeleteRequest.Propagation) -> [JSONValue] {
        var finalizers = object.metadata["finalizers"]?.arrayValue ?? []
        let added: JSONValue? = switch propagation {
        case .orphan: "orphan"
        case .foreground: "foregroundDeletion"
        case .background: nil
        }
        if let added, !finalizers.contains(added), type.storageKey != "namespaces" { finalizers.append(added) }
        return finalizers
    }

    /// A namespace with `spec.finalizers` is Terminating until the namespace controller empties it.
    static func waitsForNamespaceController(_ object: StoredObject, _ type: ServedResource) -> Bool {
        type.storageKey == "namespaces" && !(object.value["spec"]?["finalizers"]?.arrayValue ?? []).isEmpty
    }

    /// Marks or removes one object, then collects its dependents.
    @discardableResult
    func remove(_ old: StoredObject, _ type: ServedResource, propagation: DeleteRequest.Propagation) -> JSONValue {
        let key = Self.key(namespace: type.namespaced ? old.namespace : "", name: old.name)
        guard old.metadata["deletionTimestamp"] == nil else { return served(old.value, as: type) }
        let finalizers = Self.finalizersOnDelete(old, type, propagation: propagation)
        if !finalizers.isEmpty || Self.waitsForNamespaceController(old, type) {
            var marked = old
            marked.value["metadata"]?["deletionTimestamp"] = .string(Self.timestamp())
            marked.value["metadata"]?["deletionGracePeriodSeconds"] = 0
            if !finalizers.isEmpty { marked.value["metadata"]?["finalizers"] = .array(finalizers) }
            if type.storageKey == "namespaces" {
                marked.value["metadata"]?["deletionGracePeriodSeconds"] = nil
                marked.value["status"]?["phase"] = "Terminating"
            }
            return served(commit(marked, storageKey: type.storageKey, key: key, kind: .modified, previous: old.value), as: type)
        }
        let removed = commit(old, storageKey: type.storageKey, key: key, kind: .deleted, previous: old.value)
        afterRemoval(removed, type, propagation: propagation)
        return served(removed, as: type)
    }

    /// What follows an object's removal: a namespace's contents, a CRD's objects. Its dependents
    /// are the garbage collector's, which finds them after the request, as the real one does.
    func afterRemoval(_ removed: JSONValue, _ type: ServedResource, propagation: DeleteRequest.Propagation) {
        if propagation == .orphan { orphanDependents(of: removed["metadata"]?["uid"]?.stringValue ?? "") }
        switch type.storageKey {
        case "namespaces":
            let name = removed["metadata"]?["name"]?.stringValue ?? ""
            for entry in allObjects() where entry.object.namespace == name {
                if let contentType = anyType(forStorageKey: entry.storageKey), contentType.namespaced {
                    remove(entry.object, contentType, propagation: .background)
                }
            }
        case "customresourcedefinitions.apiextensions.k8s.io":
            for contentType in Catalog.resourceTypes(of: removed).prefix(1) {
                for object in currentObjects(contentType, namespace: nil) { remove(object, contentType, propagation: .background) }
            }
            catalog.uninstall(removed)
        default: break
        }
    }

    func orphanDependents(of uid: String) {
        for entry in allObjects() where (entry.object.metadata["ownerReferences"]?.arrayValue ?? []).contains(where: { $0["uid"]?.stringValue == uid }) {
            guard let dependentType = anyType(forStorageKey: entry.storageKey) else { continue }
            stripOwner(uid, from: entry.object, dependentType, key: entry.key)
        }
    }

    func stripOwner(_ uid: String, from object: StoredObject, _ type: ServedResource, key: String) {
        var updated = object
        let remaining = (object.metadata["ownerReferences"]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
        updated.value["metadata"]?["ownerReferences"] = remaining.isEmpty ? Optional<JSONValue>.none : .array(remaining)
        commit(updated, storageKey: type.storageKey, key: key, kind: .modified, previous: object.value)
    }

    func exists(uid: String) -> Bool {
        objects.values.contains { $0.values.contains { $0.uid == uid } }
    }

    func anyType(forStorageKey storageKey: String) -> ServedResource? {
        catalog.types.first { $0.storageKey == storageKey }
    }
}

extension ClusterStore {
    /// Deletes every object of a resource (in a namespace) that the selectors match.
    func deleteCollection(_ type: ServedResource, namespace: String?, query: ListQuery,
                          request: DeleteRequest) throws(SandboxError) -> [JSONValue] {
        let matching = currentObjects(type, namespace: namespace).filter { query.matches($0.value) }
        if request.dryRun { return matching.map { served($0.value, as: type) } }
        return matching.map { object in
            guard let current = stored(type, namespace: object.namespace, name: object.name) else { return served(object.value, as: type) }
            return remove(current, type, propagation: request.propagation)
        }
    }
}
