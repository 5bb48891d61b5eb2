import KubeModel

/// The ReplicaSet controller: creates Pods from the template (named `<replicaset>-<random>`,
/// owned by the ReplicaSet) until the ReplicaSet has its replicas, deletes the surplus, and
/// reports status. Without kubelets the Pods stay Pending, so none is ever ready.
extension ClusterStore {
    func reconcileReplicaSets() {
        let pods = byController("pods")
        for replicaSet in current("replicasets.apps") where !Self.isDeleting(replicaSet) {
            reconcile(replicaSet: replicaSet, owned: pods[replicaSet.uid] ?? [])
        }
    }

    private func reconcile(replicaSet: StoredObject, owned: [StoredObject]) {
        guard let spec = replicaSet.value["spec"], let template = spec["template"] else { return }
        let desired = spec["replicas"]?.intValue ?? 1
        var pods = owned.filter { !Self.isDeleting($0) }
        if pods.count < desired {
            var metadata: JSONObject = ["generateName": .string("\(replicaSet.name)-"),
                                        "ownerReferences": [Self.controllerReference(to: replicaSet, apiVersion: "apps/v1", kind: "ReplicaSet")]]
            if let labels = template["metadata"]?["labels"] { metadata["labels"] = labels }
            if let annotations = template["metadata"]?["annotations"] { metadata["annotations"] = annotations }
            let body: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": template["spec"] ?? .object([:])]
            for _ in pods.count..<desired {
                guard let created = controllerCreate("pods", namespace: replicaSet.namespace, body),
                      let pod = objects["pods"]?[Self.key(namespace: replicaSet.namespace, name: created["metadata"]?["name"]?.stringValue ?? "")]
                else { break }
                pods.append(pod)
            }
        } else if pods.count > desired, let type = anyType(forStorageKey: "pods") {
            let surplus = pods.sorted { ($0.metadata["creationTimestamp"]?.stringValue ?? "") > ($1.metadata["creationTimestamp"]?.stringValue ?? "") }
                .prefix(pods.count - desired)
            for pod in surplus { remove(pod, type, propagation: .background) }
            pods.removeAll { pod in surplus.contains { $0.uid == pod.uid } }
        }
        guard let latest = refreshed(replicaSet, "replicasets.apps") else { return }
        let labels = template["metadata"]?["labels"]?.objectValue ?? JSONObject()
        let fullyLabeled = pods.filter { pod in
            labels.allSatisfy { pod.metadata["labels"]?[$0.key] == $0.value }
        }.count
        let ready = pods.filter(Self.isReady).count
        var status: JSONObject = ["replicas": .integer(pods.count), "fullyLabeledReplicas": .integer(fullyLabeled)]
        if ready > 0 {
            status["readyReplicas"] = .integer(ready)
            status["availableReplicas"] = .integer(ready)
        }
        status["terminatingReplicas"] = 0
        status["observedGeneration"] = latest.metadata["generation"] ?? 1
        var value = latest.value
        value["status"] = .object(status)
        controllerUpdate(latest, "replicasets.apps", value, status: true)
    }

    static func isReady(_ pod: StoredObject) -> Bool {
        (pod.value["status"]?["conditions"]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }
}
