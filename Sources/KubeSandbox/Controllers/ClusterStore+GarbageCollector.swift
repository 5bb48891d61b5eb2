import KubeModel

/// The garbage collector: finishes `orphan` deletions (strips the owner's references from its
/// dependents) and `foregroundDeletion` ones (deletes the dependents, then lets the owner go),
/// deletes objects none of whose owners exist, and drops references to owners gone from objects
/// that keep others. It runs in the controller loop, after the deleting request was answered.
extension ClusterStore {
    func collectGarbage() {
        let present = Set(allObjects().map(\.object.uid))
        for entry in allObjects() {
            guard let object = objects[entry.storageKey]?[entry.key], let type = anyType(forStorageKey: entry.storageKey) else { continue }
            let finalizers = Self.finalizers(object)
            if Self.isDeleting(object) {
                if finalizers.contains("orphan") {
                    orphanDependents(of: object.uid)
                    dropFinalizer("orphan", of: object, entry.storageKey)
                } else if finalizers.contains("foregroundDeletion") {
                    deleteForeground(object, entry.storageKey)
                }
                continue
            }
            let owners = (object.metadata["ownerReferences"]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
            let absent = owners.filter { !present.contains($0) && !exists(uid: $0) }
            if !owners.isEmpty, absent.count == owners.count {
                remove(object, type, propagation: .background)
            } else {
                // Some owners remain: only the references to the ones gone are dropped.
                for uid in absent {
                    guard let latest = objects[entry.storageKey]?[entry.key] else { break }
                    stripOwner(uid, from: latest, type, key: entry.key)
                }
            }
        }
    }

    /// Deletes the dependents of an owner being deleted in the foreground (those that block their
    /// owner's deletion in the foreground too); once none is left, the owner goes.
    private func deleteForeground(_ owner: StoredObject, _ storageKey: String) {
        let dependents = dependents(of: owner.uid)
        if dependents.isEmpty {
            dropFinalizer("foregroundDeletion", of: owner, storageKey)
            return
        }
        for dependent in dependents where !Self.isDeleting(dependent.object) {
            guard let type = anyType(forStorageKey: dependent.storageKey) else { continue }
            let blocking = (dependent.object.metadata["ownerReferences"]?.arrayValue ?? []).contains {
                $0["uid"]?.stringValue == owner.uid && $0["blockOwnerDeletion"]?.boolValue == true
            }
            let others = (dependent.object.metadata["ownerReferences"]?.arrayValue ?? []).filter {
                $0["uid"]?.stringValue != owner.uid && exists(uid: $0["uid"]?.stringValue ?? "")
            }
            if others.isEmpty {
                remove(dependent.object, type, propagation: blocking ? .foreground : .background)
            } else {
                stripOwner(owner.uid, from: dependent.object, type,
                           key: Self.key(namespace: dependent.object.namespace, name: dependent.object.name))
            }
        }
    }

    private func dropFinalizer(_ finalizer: String, of object: StoredObject, _ storageKey: String) {
        guard let latest = refreshed(object, storageKey) else { return }
        var value = latest.value
        let remaining = Self.finalizers(latest).filter { $0 != finalizer }
        value["metadata"]?["finalizers"] = remaining.isEmpty ? nil : .array(remaining.map(JSONValue.string))
        controllerUpdate(latest, storageKey, value)
    }
}
