import KubeModel

/// The namespace controllers: every active namespace gets the ServiceAccount `default` and the
/// ConfigMap `kube-root-ca.crt`; a terminating namespace is emptied (objects with finalizers are
/// waited for, and reported in its conditions), then its `kubernetes` finalizer is removed and
/// it goes. Like the real namespace controller, which queues every namespace change to be
/// handled after a grace period (5 s) so that admission caches and other components see the
/// deletion first, it acts on a terminating namespace only once that period has passed since it
/// last changed, and looks again one period after each pass that left content behind.
extension ClusterStore {
    static let rootCADescription = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."

    func reconcileNamespaces(gracePeriod: Duration) {
        let namespaces = current("namespaces")
        let terminating = Set(namespaces.filter(Self.isDeleting).map(\.name))
        controllerClock.namespacesDue = controllerClock.namespacesDue.filter { terminating.contains($0.key) }
        for namespace in namespaces {
            if Self.isDeleting(namespace) {
                if isDue(namespace, gracePeriod: gracePeriod) { finalize(namespace) }
            } else {
                populate(namespace)
            }
        }
    }

    /// Whether the grace period since the namespace last changed has passed; when it has, the
    /// next look is one grace period on (the real controller requeues a namespace with content left).
    private func isDue(_ namespace: StoredObject, gracePeriod: Duration) -> Bool {
        let now = controllerClock.now
        let version = namespace.metadata["resourceVersion"]?.stringValue ?? ""
        let period = Double(gracePeriod.components.seconds) + Double(gracePeriod.components.attoseconds) / 1e18
        guard let seen = controllerClock.namespacesDue[namespace.name], seen.resourceVersion == version else {
            controllerClock.namespacesDue[namespace.name] = (version, now.addingTimeInterval(period))
            return period <= 0
        }
        guard seen.due <= now else { return false }
        controllerClock.namespacesDue[namespace.name] = (version, now.addingTimeInterval(period))
        return true
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
