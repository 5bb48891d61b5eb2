import KubeModel

/// The default admission plugins' changes to a new Pod: ServiceAccount (the `default` account and
/// its projected token volume), DefaultTolerationSeconds and Priority.
extension ClusterStore {
    static let tokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"

    func admitPod(_ pod: JSONValue) -> JSONValue {
        var pod = pod
        guard var spec = pod["spec"], case .object = spec else { return pod }
        if spec["serviceAccountName"]?.stringValue?.isEmpty ?? true {
            spec["serviceAccountName"] = spec["serviceAccount"].flatMap { $0.stringValue?.isEmpty == false ? $0 : nil } ?? "default"
        }
        spec["serviceAccount"] = spec["serviceAccountName"]
        let account = objects["serviceaccounts"]?[Self.key(namespace: pod["metadata"]?["namespace"]?.stringValue ?? "",
                                                           name: spec["serviceAccountName"]?.stringValue ?? "")]
        let automount = spec["automountServiceAccountToken"]?.boolValue
            ?? account?.value["automountServiceAccountToken"]?.boolValue ?? true
        if automount { spec = Self.withTokenVolume(spec) }
        spec["tolerations"] = .array(Self.withDefaultTolerations(spec["tolerations"]?.arrayValue ?? []))
        if spec["priority"] == nil, spec["priorityClassName"]?.stringValue?.isEmpty ?? true { spec["priority"] = 0 }
        Defaulting.setDefault(&spec, "preemptionPolicy", "PreemptLowerPriority")
        pod["spec"] = spec
        return pod
    }

    /// A projected volume with the token, the cluster CA and the namespace, mounted read-only in
    /// every container that does not already mount something at the token path.
    static func withTokenVolume(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        let mountedAlready = ["initContainers", "containers"].allSatisfy { key in
            (spec[key]?.arrayValue ?? []).allSatisfy { container in
                (container["volumeMounts"]?.arrayValue ?? []).contains { $0["mountPath"]?.stringValue == tokenMountPath }
            }
        }
        if mountedAlready { return spec }
        let name = JSONValue.string("kube-api-access-" + randomSuffix())
        let volume: JSONValue = ["name": name, "projected": [
            "sources": [
                ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
                ["downwardAPI": ["items": [["path": "namespace", "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]]]],
            ],
            "defaultMode": 420,
        ]]
        spec["volumes"] = .array((spec["volumes"]?.arrayValue ?? []) + [volume])
        for key in ["initContainers", "containers"] {
            Defaulting.eachItem(&spec, key) { container in
                var container = container
                let mounts = container["volumeMounts"]?.arrayValue ?? []
                if mounts.contains(where: { $0["mountPath"]?.stringValue == tokenMountPath }) { return container }
                container["volumeMounts"] = .array(mounts + [["name": name, "readOnly": true, "mountPath": .string(tokenMountPath)]])
                return container
            }
        }
        return spec
    }

    static func withDefaultTolerations(_ tolerations: [JSONValue]) -> [JSONValue] {
        var result = tolerations
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
            let covered = tolerations.contains { toleration in
                let effect = toleration["effect"]?.stringValue ?? ""
                let tolerationKey = toleration["key"]?.stringValue ?? ""
                return (effect.isEmpty || effect == "NoExecute") && (tolerationKey == key
                    || (tolerationKey.isEmpty && toleration["operator"]?.stringValue == "Exists"))
            }
            if !covered {
                result.append(["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300])
            }
        }
        return result
    }

    /// Guaranteed when every container limits cpu and memory at its requests, BestEffort when
    /// none requests or limits either, Burstable otherwise.
    static func qosClass(_ spec: JSONValue) -> String {
        let containers = (spec["initContainers"]?.arrayValue ?? []) + (spec["containers"]?.arrayValue ?? [])
        var anySet = false
        var guaranteed = !containers.isEmpty
        for container in containers {
            let requests = container["resources"]?["requests"]?.objectValue ?? JSONObject()
            let limits = container["resources"]?["limits"]?.objectValue ?? JSONObject()
            for name in ["cpu", "memory"] {
                if requests[name] != nil || limits[name] != nil { anySet = true }
                let limit = limits[name].flatMap(amount)
                let request = requests[name].flatMap(amount) ?? limit
                if limit == nil || request != limit { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }

    private static func amount(_ quantity: JSONValue) -> Double? {
        quantity.doubleValue ?? quantity.stringValue.flatMap(Quantity.parse)
    }
}
