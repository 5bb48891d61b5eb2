import KubeModel

/// A simulated kubelet (`SandboxOptions.simulateKubelet`), with the scheduler's one decision:
/// it registers one Ready Node, `sandbox-node`, binds every unscheduled Pod to it (as a Binding
/// does: only `spec.nodeName` changes), and reports each Pod as a kubelet would once its
/// containers started and passed their readiness probes: phase Running, the five pod
/// conditions True, one running and ready status per container, a pod IP. No process runs:
/// each Pod it reports on is annotated `sandbox.shipshape.dev/simulated: "true"`. With it,
/// ReplicaSets count ready replicas, Deployments become Available and `kubectl rollout status`
/// completes.
extension ClusterStore {
    static let simulatedAnnotation = "sandbox.shipshape.dev/simulated"
    static let kubeletWrite = WriteOptions(fieldManager: "kubelet", fieldValidation: .ignore)
    static let simulatedNode = "sandbox-node"

    func simulateKubelet() {
        guard let type = anyType(forStorageKey: "pods") else { return }
        registerNode()
        for unscheduled in current("pods") where !Self.isDeleting(unscheduled) && unscheduled.value["spec"]?["nodeName"] == nil {
            var bound = unscheduled
            bound.value["spec"]?["nodeName"] = .string(Self.simulatedNode)
            commit(bound, storageKey: "pods", key: Self.key(namespace: bound.namespace, name: bound.name), kind: .modified,
                   previous: unscheduled.value)
        }
        for pod in current("pods") where !Self.isDeleting(pod) && !Self.isReady(pod) {
            var annotated = pod
            if pod.metadata["annotations"]?[Self.simulatedAnnotation]?.stringValue != "true" {
                var value = pod.value
                var annotations = value["metadata"]?["annotations"]?.objectValue ?? JSONObject()
                annotations[Self.simulatedAnnotation] = "true"
                value["metadata"]?["annotations"] = .object(annotations)
                guard (try? replace(pod, with: value, type, status: false, options: Self.kubeletWrite)) != nil,
                      let latest = refreshed(pod, "pods") else { continue }
                annotated = latest
            }
            var value = annotated.value
            value["status"] = Self.runningStatus(annotated, ip: podIP(for: annotated))
            _ = try? replace(annotated, with: value, type, status: true, options: Self.kubeletWrite)
        }
    }

    /// Creates `sandbox-node` with a Ready status, once.
    private func registerNode() {
        guard objects["nodes"]?[Self.simulatedNode] == nil, let type = anyType(forStorageKey: "nodes") else { return }
        let labels: JSONValue = ["kubernetes.io/hostname": .string(Self.simulatedNode), "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"]
        let body: JSONValue = ["apiVersion": "v1", "kind": "Node",
                               "metadata": ["name": .string(Self.simulatedNode), "labels": labels,
                                            "annotations": .object([Self.simulatedAnnotation: "true"])]]
        guard (try? create(type, namespace: "", body: body, options: Self.kubeletWrite)) != nil,
              let node = objects["nodes"]?[Self.simulatedNode] else { return }
        let now = JSONValue.string(Self.timestamp())
        let resources: JSONValue = ["cpu": "8", "memory": "16Gi", "pods": "110", "ephemeral-storage": "100Gi"]
        var value = node.value
        value["status"] = [
            "capacity": resources, "allocatable": resources,
            "conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady", "message": "kubelet is posting ready status",
                            "lastHeartbeatTime": now, "lastTransitionTime": now]],
            "addresses": [["type": "InternalIP", "address": "127.0.0.1"], ["type": "Hostname", "address": .string(Self.simulatedNode)]],
            "nodeInfo": ["kubeletVersion": "v1.36.2", "kubeProxyVersion": "", "operatingSystem": "linux", "architecture": "amd64",
                         "containerRuntimeVersion": "simulated://1.0", "osImage": "simulated", "kernelVersion": "",
                         "machineID": "", "systemUUID": "", "bootID": ""],
        ]
        _ = try? replace(node, with: value, type, status: true, options: Self.kubeletWrite)
    }

    /// The status of a Pod whose containers all run and are ready, started now.
    static func runningStatus(_ pod: StoredObject, ip: String) -> JSONValue {
        let now = JSONValue.string(timestamp())
        let conditions: [JSONValue] = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map {
            ["type": .string($0), "status": "True", "lastProbeTime": .null, "lastTransitionTime": now]
        }
        let containers: [JSONValue] = (pod.value["spec"]?["containers"]?.arrayValue ?? []).map { container in
            let name = container["name"]?.stringValue ?? ""
            return [
                "name": .string(name), "image": container["image"] ?? "", "imageID": "",
                "containerID": .string("simulated://\(pod.uid)/\(name)"),
                "ready": true, "started": true, "restartCount": 0, "state": ["running": ["startedAt": now]],
            ]
        }
        var status = pod.value["status"]?.objectValue ?? JSONObject()
        status["phase"] = "Running"
        status["conditions"] = .array(conditions)
        status["hostIP"] = "127.0.0.1"
        status["hostIPs"] = [["ip": "127.0.0.1"]]
        status["podIP"] = .string(ip)
        status["podIPs"] = [["ip": .string(ip)]]
        status["startTime"] = now
        status["containerStatuses"] = .array(containers)
        return .object(status)
    }

    /// An address in 10.244.0.0/16 not held by another Pod (the cluster's Pod network, as kind names it).
    private func podIP(for pod: StoredObject) -> String {
        let taken = Set(current("pods").compactMap { $0.value["status"]?["podIP"]?.stringValue })
        var seed = pod.uid.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        for _ in 0..<65_024 {
            let host = Int(seed % 65_024) + 256
            let ip = "10.244.\(host / 256).\(host % 256 == 0 ? 1 : host % 256)"
            if !taken.contains(ip) { return ip }
            seed &+= 1
        }
        return "10.244.255.254"
    }
}
