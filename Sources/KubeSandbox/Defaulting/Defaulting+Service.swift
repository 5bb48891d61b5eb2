import KubeModel

/// core/v1 `SetDefaults_Service`: the fields a Service's writer owns once defaulted. Cluster IPs,
/// IP families and node ports are allocated later, by `ServiceAllocator`.
extension Defaulting {
    static func serviceSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "type", "ClusterIP")
        setDefault(&spec, "sessionAffinity", "None")
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        if spec["sessionAffinity"]?.stringValue == "ClientIP" {
            setDefault(&spec, "sessionAffinityConfig", .object([:]))
            setDefault(&spec["sessionAffinityConfig", default: .null], "clientIP", .object([:]))
            setDefault(&spec["sessionAffinityConfig", default: .null]["clientIP", default: .null], "timeoutSeconds", 10800)
        }
        eachItem(&spec, "ports") { port in
            var port = port
            setDefault(&port, "protocol", "TCP")
            let target = port["targetPort"]
            if target == nil || target?.intValue == 0 || target?.stringValue == "" { port["targetPort"] = port["port"] }
            return port
        }
        if type == "NodePort" || type == "LoadBalancer" { setDefault(&spec, "externalTrafficPolicy", "Cluster") }
        if type == "LoadBalancer" { setDefault(&spec, "allocateLoadBalancerNodePorts", true) }
        if type != "ExternalName" { setDefault(&spec, "internalTrafficPolicy", "Cluster") }
        return spec
    }

    /// A load balancer ingress with an IP reports `ipMode: VIP` unless told otherwise.
    static func serviceStatus(_ status: JSONValue) -> JSONValue {
        var status = status
        setDefault(&status, "loadBalancer", .object([:]))
        eachItem(&status["loadBalancer", default: .null], "ingress") { ingress in
            var ingress = ingress
            if ingress["ip"]?.stringValue?.isEmpty == false { setDefault(&ingress, "ipMode", "VIP") }
            return ingress
        }
        return status
    }
}
