import KubeModel

/// A simulated kubelet (`SandboxOptions.simulateKubelet`): no process runs, but every Pod is
/// reported as a kubelet would once its containers started and passed their readiness probes:
/// phase Running, the five pod conditions True, one running and ready status per container, a
/// pod IP. Each Pod it reports on is annotated `sandbox.shipshape.dev/simulated: "true"`, so
/// nobody mistakes it for a running process. With it, ReplicaSets count ready replicas,
/// Deployments become Available and `kubectl rollout status` completes.
extension ClusterStore {
    static let simulatedAnnotation = "sandbox.shipshape.dev/simulated"
    static let kubeletWrite = WriteOptions(fieldManager: "kubelet", fieldValidation: .ignore)

    func simulateKubelet() {
        guard let type = anyType(forStorageKey: "pods") else { return }
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
