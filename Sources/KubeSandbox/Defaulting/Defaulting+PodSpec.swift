import KubeModel

/// Pod spec, container, probe and volume defaults (core/v1 `SetDefaults_PodSpec`, `_Pod`,
/// `_Container`, `_Probe`, `_HTTPGetAction`, `_Volume` and the volume sources).
extension Defaulting {
    static func podTemplate(_ template: JSONValue) -> JSONValue {
        var template = template
        template["spec"] = template["spec"].map { podSpec($0, isPod: false) }
        return template
    }

    /// A pod spec's defaults; a Pod (not a template) also gets `enableServiceLinks` and requests
    /// copied from limits.
    static func podSpec(_ spec: JSONValue, isPod: Bool) -> JSONValue {
        var spec = spec
        setDefault(&spec, "restartPolicy", "Always")
        setDefault(&spec, "terminationGracePeriodSeconds", 30)
        setDefault(&spec, "dnsPolicy", "ClusterFirst")
        setDefault(&spec, "securityContext", .object([:]))
        setDefault(&spec, "schedulerName", "default-scheduler")
        if isPod { setDefault(&spec, "enableServiceLinks", true) }
        let hostNetwork = spec["hostNetwork"]?.boolValue == true
        for key in ["initContainers", "containers", "ephemeralContainers"] {
            eachItem(&spec, key) { container($0, hostNetwork: hostNetwork, isPod: isPod) }
        }
        eachItem(&spec, "volumes", volume)
        return spec
    }

    static func container(_ container: JSONValue, hostNetwork: Bool, isPod: Bool) -> JSONValue {
        var container = container
        eachItem(&container, "ports") { port in
            var port = port
            setDefault(&port, "protocol", "TCP")
            if hostNetwork, port["hostPort"] == nil, let containerPort = port["containerPort"] { port["hostPort"] = containerPort }
            return port
        }
        eachItem(&container, "env") { env in
            var env = env
            if let selector = env["valueFrom"]?["fieldRef"] { env["valueFrom"]?["fieldRef"] = fieldSelector(selector) }
            return env
        }
        setDefault(&container, "resources", .object([:]))
        if isPod, let limits = container["resources"]?["limits"]?.objectValue {
            var requests = container["resources"]?["requests"]?.objectValue ?? JSONObject()
            for (name, quantity) in limits where requests[name] == nil { requests[name] = quantity }
            if !requests.isEmpty { container["resources"]?["requests"] = .object(requests) }
        }
        for key in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if let probe = container[key] { container[key] = self.probe(probe) }
        }
        for hook in ["postStart", "preStop"] {
            if let action = container["lifecycle"]?[hook]?["httpGet"] { container["lifecycle"]?[hook]?["httpGet"] = httpGet(action) }
        }
        setDefault(&container, "terminationMessagePath", "/dev/termination-log")
        setDefault(&container, "terminationMessagePolicy", "File")
        if let image = container["image"]?.stringValue {
            setDefault(&container, "imagePullPolicy", .string(pullPolicy(image)))
        }
        return container
    }

    /// `Always` for an image with the tag `latest` or no tag (and no digest), `IfNotPresent` otherwise.
    static func pullPolicy(_ image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(image)
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    static func probe(_ probe: JSONValue) -> JSONValue {
        var probe = probe
        setDefault(&probe, "timeoutSeconds", 1)
        setDefault(&probe, "periodSeconds", 10)
        setDefault(&probe, "successThreshold", 1)
        setDefault(&probe, "failureThreshold", 3)
        if let action = probe["httpGet"] { probe["httpGet"] = httpGet(action) }
        // GRPCAction.service is `+default=""`: kubectl describe reads it unconditionally.
        if var grpc = probe["grpc"] {
            setDefault(&grpc, "service", "")
            probe["grpc"] = grpc
        }
        return probe
    }

    static func httpGet(_ action: JSONValue) -> JSONValue {
        var action = action
        if action["path"]?.stringValue?.isEmpty ?? true { action["path"] = "/" }
        setDefault(&action, "scheme", "HTTP")
        return action
    }

    static func fieldSelector(_ selector: JSONValue) -> JSONValue {
        var selector = selector
        setDefault(&selector, "apiVersion", "v1")
        return selector
    }

    static let volumeSources = ["hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret",
                                "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder",
                                "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume",
                                "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume",
                                "scaleIO", "storageos", "csi", "ephemeral", "image"]

    static func volume(_ volume: JSONValue) -> JSONValue {
        var volume = volume
        if !volumeSources.contains(where: { volume[$0] != nil }) { volume["emptyDir"] = .object([:]) }
        for source in ["secret", "configMap", "downwardAPI", "projected"] where volume[source] != nil {
            setDefault(&volume[source, default: .null], "defaultMode", 420)
        }
        if volume["hostPath"] != nil { setDefault(&volume["hostPath", default: .null], "type", "") }
        if let items = volume["downwardAPI"]?["items"]?.arrayValue {
            volume["downwardAPI"]?["items"] = .array(items.map(downwardItem))
        }
        if let sources = volume["projected"]?["sources"]?.arrayValue {
            volume["projected"]?["sources"] = .array(sources.map { source in
                var source = source
                if source["serviceAccountToken"] != nil {
                    setDefault(&source["serviceAccountToken", default: .null], "expirationSeconds", 3600)
                }
                if let items = source["downwardAPI"]?["items"]?.arrayValue {
                    source["downwardAPI"]?["items"] = .array(items.map(downwardItem))
                }
                return source
            })
        }
        return volume
    }

    static func downwardItem(_ item: JSONValue) -> JSONValue {
        var item = item
        if let selector = item["fieldRef"] { item["fieldRef"] = fieldSelector(selector) }
        return item
    }
}

extension JSONValue {
    /// The member `key`, read and written in place; `defaultValue` when absent.
    subscript(key: String, default defaultValue: JSONValue) -> JSONValue {
        get { self[key] ?? defaultValue }
        set { self[key] = newValue }
    }
}
