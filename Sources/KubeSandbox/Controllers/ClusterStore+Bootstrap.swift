import KubeModel

/// What kube-apiserver itself writes when it starts: the system namespaces with their name label
/// and `kubernetes` finalizer, and the `kubernetes` Service in `default` (the first address of
/// the service network, port 443).
extension ClusterStore {
    func bootstrap(rootCA: String) {
        rootCABundle = rootCA
        let options = WriteOptions(fieldManager: "kube-apiserver", fieldValidation: .ignore)
        if let type = anyType(forStorageKey: "namespaces") {
            for namespace in current("namespaces") where namespace.metadata["labels"] == nil {
                let labelled = Defaulting.namespace(namespace.value)
                _ = try? replace(namespace, with: labelled, type, status: false, options: options)
                if let latest = refreshed(namespace, "namespaces"), latest.value["spec"]?["finalizers"] == nil {
                    var finalized = latest
                    finalized.value["spec"] = ["finalizers": ["kubernetes"]]
                    finalized.value["metadata"]?["generation"] = nil
                    commit(finalized, storageKey: "namespaces", key: namespace.name, kind: .modified, previous: latest.value)
                }
            }
        }
        if objects["services"]?[Self.key(namespace: "default", name: "kubernetes")] == nil, let type = anyType(forStorageKey: "services") {
            _ = try? create(type, namespace: "default", body: [
                "apiVersion": "v1", "kind": "Service",
                "metadata": ["name": "kubernetes", "labels": ["component": "apiserver", "provider": "kubernetes"]],
                "spec": ["clusterIP": .string(serviceNetwork.address(1)),
                         "ports": [["name": "https", "protocol": "TCP", "port": 443, "targetPort": 6443]]],
            ], options: options)
        }
    }
}
