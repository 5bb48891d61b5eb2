import KubeModel

/// The namespace controllers: every active namespace gets the ServiceAccount `default` and the
/// ConfigMap `kube-root-ca.crt`; a terminating namespace is emptied (objects with finalizers are
/// waited for, and reported in its conditions), then its `kubernetes` finalizer is removed and
/// it goes.
extension ClusterStore {
    static let rootCADescription = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."

    func reconcileNamespaces() {
        for namespace in current("namespaces") {
            if Self.isDeleting(namespace) {
                finalize(namespace)
            } else {
                populate(namespace)
            }
        }
    }

    private func populate(_ namespace: StoredObject) {
        let name = namespace.name
        if objects["serviceaccounts"]?[Self.key(namespace: name, name: "default")] == nil {
            controllerCreate("serviceaccounts", namespace: name, ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "default"]])
        }
        if objects["configmaps"]?[Self.key(namespace: name, name: "kube-root-ca.crt")] == nil {
            controllerCreate("configmaps", namespace: name, [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": "kube-root-ca.crt", "annotations": ["kubernetes.io/description": .string(Self.rootCADescription)]],
                "data": ["ca.crt": .string(rootCABundle)],
            ])
        }
    }

    private func finalize(_ namespace: StoredObject) {
        let content = allObjects().filter { $0.object.namespace == namespace.name && $0.storageKey != "namespaces" }
        for entry in content where !Self.isDeleting(entry.object) {
            guard let type = anyType(forStorageKey: entry.storageKey), let latest = refreshed(entry.object, entry.storageKey) else { continue }
            remove(latest, type, propagation: .background)
        }
        guard let latest = refreshed(namespace, "namespaces") else { return }
        let remaining = allObjects().filter { $0.object.namespace == namespace.name && $0.storageKey != "namespaces" }
        let key = Self.key(namespace: "", name: namespace.name)
        if remaining.isEmpty {
            var finished = latest
            let specFinalizers = (latest.value["spec"]?["finalizers"]?.arrayValue ?? []).filter { $0.stringValue != "kubernetes" }
            finished.value["spec"]?["finalizers"] = specFinalizers.isEmpty ? nil : .array(specFinalizers)
            if specFinalizers.isEmpty && Self.finalizers(latest).isEmpty {
                let removed = commit(finished, storageKey: "namespaces", key: key, kind: .deleted, previous: latest.value)
                if let type = anyType(forStorageKey: "namespaces") { afterRemoval(removed, type, propagation: .background) }
            } else if finished.value != latest.value {
                commit(finished, storageKey: "namespaces", key: key, kind: .modified, previous: latest.value)
            }
            return
        }
        var blocked = latest
        blocked.value["status"]?["conditions"] = .array(namespaceConditions(remaining.map { ($0.storageKey, $0.object) },
                                                                            previous: latest.value["status"]?["conditions"]?.arrayValue ?? []))
        if blocked.value != latest.value {
            commit(blocked, storageKey: "namespaces", key: key, kind: .modified, previous: latest.value)
        }
    }

    /// The conditions the namespace controller reports while content remains.
    private func namespaceConditions(_ remaining: [(storageKey: String, object: StoredObject)], previous: [JSONValue]) -> [JSONValue] {
        var byResource: [String: Int] = [:]
        var byFinalizer: [String: Int] = [:]
        for entry in remaining {
            byResource[entry.storageKey, default: 0] += 1
            for finalizer in Self.finalizers(entry.object) { byFinalizer[finalizer, default: 0] += 1 }
        }
        let resources = byResource.keys.sorted().map { "\($0.contains(".") ? $0 : $0 + ".") has \(byResource[$0] ?? 0) resource instances" }
        let finalizers = byFinalizer.keys.sorted().map { "\($0) in \(byFinalizer[$0] ?? 0) resource instances" }
        let falseCondition = { (type: String, reason: String, message: String) in
            Self.condition(type, status: "False", reason: reason, message: message, previous: previous, updateTime: false)
        }
        var conditions = [
            falseCondition("NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"),
            falseCondition("NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            falseCondition("NamespaceDeletionContentFailure", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            Self.condition("NamespaceContentRemaining", status: "True", reason: "SomeResourcesRemain",
                           message: "Some resources are remaining: " + resources.joined(separator: ", "), previous: previous, updateTime: false),
        ]
        conditions.append(finalizers.isEmpty
            ? falseCondition("NamespaceFinalizersRemaining", "ContentHasNoFinalizers", "All content-preserving finalizers finished")
            : Self.condition("NamespaceFinalizersRemaining", status: "True", reason: "SomeFinalizersRemain",
                             message: "Some content in the namespace has finalizers remaining: " + finalizers.joined(separator: ", "),
                             previous: previous, updateTime: false))
        return conditions
    }
}
