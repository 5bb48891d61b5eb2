import KubeModel
import KubeSchema

/// Cluster IPs (single-stack IPv4, from `serviceNetwork`) and node ports (30000-32767) for
/// Services, as the Service REST storage allocates them. What is in use is read from the stored
/// Services: the cluster IPs through an index every commit of a Service keeps (`serviceAddresses`),
/// so allocating one does not read every Service.
extension ClusterStore {
    static let serviceStorageKey = "services"

    static let nodePortRange = 30000...32767

    func allocate(_ spec: JSONValue, _ type: ServedResource, name: String) throws(SandboxError) -> JSONValue {
        var spec = spec
        guard spec["type"]?.stringValue != "ExternalName" else { return spec }
        let requested = spec["clusterIPs"]?.arrayValue?.first?.stringValue ?? spec["clusterIP"]?.stringValue ?? ""
        let address: String
        if requested == "None" {
            address = "None"
        } else if requested.isEmpty {
            // Random probes first, as the allocator picks at random; then the first free host.
            let hosts = serviceNetwork.hosts
            let used = serviceAddresses
            let probed = (0..<64).lazy.map { _ in UInt32.random(in: hosts) }.first { used[self.serviceNetwork.address($0)] == nil }
            guard let free = probed ?? hosts.first(where: { used[serviceNetwork.address($0)] == nil }) else {
                throw .api(APIStatus(code: 500, reason: "InternalError", message: "Internal error occurred: failed to allocate a serviceIP: range is full"))
            }
            address = serviceNetwork.address(free)
        } else {
            guard let host = serviceNetwork.host(of: requested) else {
                throw .api(.invalid(type, name, [SchemaViolation(.invalid, at: FieldPath(parsing: "spec.clusterIPs"),
                    "Invalid value: [\"\(requested)\"]: failed to allocate IP \(requested): the provided network does not match the current range")]))
            }
            if serviceAddresses[requested] != nil || host == 0 {
                throw .api(.invalid(type, name, [SchemaViolation(.invalid, at: FieldPath(parsing: "spec.clusterIPs"),
                    "Invalid value: [\"\(requested)\"]: failed to allocate IP \(requested): provided IP is already allocated")]))
            }
            address = requested
        }
        spec["clusterIP"] = .string(address)
        spec["clusterIPs"] = [.string(address)]
        Defaulting.setDefault(&spec, "ipFamilies", ["IPv4"])
        Defaulting.setDefault(&spec, "ipFamilyPolicy", "SingleStack")
        return withNodePorts(spec)
    }

    /// Node ports for the ports of a NodePort or LoadBalancer Service that have none.
    func withNodePorts(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        let kind = spec["type"]?.stringValue ?? "ClusterIP"
        let needsNodePorts = kind == "NodePort" || (kind == "LoadBalancer" && spec["allocateLoadBalancerNodePorts"]?.boolValue != false)
        if needsNodePorts {
            var used = allocatedNodePorts()
            Defaulting.eachItem(&spec, "ports") { port in
                var port = port
                if (port["nodePort"]?.intValue ?? 0) == 0,
                   let free = Self.nodePortRange.shuffled().first(where: { !used.contains($0) }) {
                    port["nodePort"] = .integer(free)
                    used.insert(free)
                }
                return port
            }
        }
        return spec
    }

    /// An update that omits allocated fields keeps them; one that changes the cluster IP is invalid.
    func keepAllocations(_ spec: JSONValue, old: JSONValue, _ type: ServedResource, name: String) throws(SandboxError) -> JSONValue {
        var spec = spec
        guard spec["type"]?.stringValue != "ExternalName", old["type"]?.stringValue != "ExternalName" else {
            return old["type"]?.stringValue == "ExternalName" ? try allocate(spec, type, name: name) : spec
        }
        let oldAddresses = old["clusterIPs"]?.arrayValue ?? []
        if let given = spec["clusterIPs"]?.arrayValue ?? spec["clusterIP"].map({ [$0] }), !given.isEmpty,
           given.first?.stringValue?.isEmpty == false, given.first != oldAddresses.first {
            let shown = given.map { $0.stringValue ?? "" }.map { "\"\($0)\"" }.joined(separator: ",")
            throw .api(.invalid(type, name, [SchemaViolation(.invalid, at: FieldPath(parsing: "spec.clusterIPs[0]"),
                                                              "Invalid value: [\(shown)]: may not change once set")]))
        }
        spec["clusterIP"] = old["clusterIP"]
        spec["clusterIPs"] = old["clusterIPs"]
        Defaulting.setDefault(&spec, "ipFamilies", old["ipFamilies"] ?? ["IPv4"])
        Defaulting.setDefault(&spec, "ipFamilyPolicy", old["ipFamilyPolicy"] ?? "SingleStack")
        let oldPorts = old["ports"]?.arrayValue ?? []
        Defaulting.eachItem(&spec, "ports") { port in
            var port = port
            if port["nodePort"] == nil,
               let match = oldPorts.first(where: { $0["port"] == port["port"] && $0["protocol"] == port["protocol"] }) {
                port["nodePort"] = match["nodePort"]
            }
            return port
        }
        return withNodePorts(spec)
    }

    /// Keeps `serviceAddresses` in step with a Service going from `old` to `new` (nil: none).
    func trackAddresses(old: JSONValue?, new: JSONValue?) {
        if let old { Self.countAddress(of: old, by: -1, in: &serviceAddresses) }
        if let new { Self.countAddress(of: new, by: 1, in: &serviceAddresses) }
    }

    /// Adds `change` to the count of `service`'s cluster IP in `addresses`.
    static func countAddress(of service: JSONValue, by change: Int, in addresses: inout [String: Int]) {
        guard let address = service["spec"]?["clusterIP"]?.stringValue else { return }
        let count = (addresses[address] ?? 0) + change
        addresses[address] = count > 0 ? count : nil
    }

    private func allocatedNodePorts() -> Set<Int> {
        Set((objects["services"] ?? [:]).values.flatMap { ($0.value["spec"]?["ports"]?.arrayValue ?? []).compactMap { $0["nodePort"]?.intValue } })
    }
}
