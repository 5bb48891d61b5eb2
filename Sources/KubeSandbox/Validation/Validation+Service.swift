import KubeModel

/// Services: type, ports, ExternalName, cluster IPs, and cluster IPs kept on update.
extension Validation {
    static let serviceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    static let serviceProtocols = ["SCTP", "TCP", "UDP"]

    static func service(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = FieldErrors()
        let specPath = FieldPath().key("spec")
        let spec = object["spec"]
        let type = spec?["type"]?.stringValue ?? "ClusterIP"
        let clusterIP = spec?["clusterIP"]?.stringValue ?? ""
        if !serviceTypes.contains(type) { errors.notSupported(specPath.key("type"), .string(type), serviceTypes) }
        if type == "ExternalName" {
            let externalName = spec?["externalName"]?.stringValue ?? ""
            if externalName.isEmpty {
                errors.required(specPath.key("externalName"))
            } else {
                let trimmed = externalName.hasSuffix(".") ? String(externalName.dropLast()) : externalName
                errors.invalid(specPath.key("externalName"), externalName, details: NameRules.dns1123Subdomain(trimmed))
            }
        }
        if let affinity = spec?["sessionAffinity"]?.stringValue, !["ClientIP", "None"].contains(affinity) {
            errors.notSupported(specPath.key("sessionAffinity"), .string(affinity), ["ClientIP", "None"])
        }
        if !clusterIP.isEmpty && clusterIP != "None" && !IPAddress.isValid(clusterIP) {
            errors.invalid(specPath.key("clusterIPs").index(0), .string(clusterIP),
                           "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")
        }
        for (index, address) in (spec?["externalIPs"]?.arrayValue ?? []).enumerated() where !IPAddress.isValid(address.stringValue ?? "") {
            errors.invalid(specPath.key("externalIPs").index(index), address, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")
        }
        if let policy = spec?["externalTrafficPolicy"]?.stringValue {
            if type != "NodePort" && type != "LoadBalancer" {
                errors.invalid(specPath.key("externalTrafficPolicy"), .string(policy), "may only be set when `type` is 'NodePort' or 'LoadBalancer'")
            } else if !["Cluster", "Local"].contains(policy) {
                errors.notSupported(specPath.key("externalTrafficPolicy"), .string(policy), ["Cluster", "Local"])
            }
        }
        if let policy = spec?["internalTrafficPolicy"]?.stringValue, !["Cluster", "Local"].contains(policy) {
            errors.notSupported(specPath.key("internalTrafficPolicy"), .string(policy), ["Cluster", "Local"])
        }
        let ports = spec?["ports"]?.arrayValue ?? []
        if ports.isEmpty && clusterIP != "None" && type != "ExternalName" { errors.required(specPath.key("ports")) }
        errors.append(servicePorts(ports, type: type, at: specPath.key("ports")))
        if let old { errors.append(serviceUpdate(object, old: old)) }
        return errors
    }

    private static func servicePorts(_ ports: [JSONValue], type: String, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        var names: Set<String> = []
        var keys: Set<String> = []
        for (index, port) in ports.enumerated() {
            let portPath = path.index(index)
            let name = port["name"]?.stringValue ?? ""
            if name.isEmpty {
                if ports.count > 1 { errors.required(portPath.key("name")) }
            } else {
                errors.invalid(portPath.key("name"), name, details: NameRules.dns1123Label(name))
                if !names.insert(name).inserted { errors.duplicate(portPath.key("name"), .string(name)) }
            }
            let number = port["port"]?.intValue ?? 0
            if !(1...65535).contains(number) { errors.invalid(portPath.key("port"), .integer(number), portRange) }
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if !serviceProtocols.contains(proto) { errors.notSupported(portPath.key("protocol"), .string(proto), serviceProtocols) }
            errors.append(targetPort(port["targetPort"] ?? .integer(number), at: portPath.key("targetPort")))
            if let nodePort = port["nodePort"]?.intValue, nodePort != 0 {
                if type == "ClusterIP" || type == "ExternalName" {
                    errors.forbidden(portPath.key("nodePort"), "may not be used when `type` is '\(type)'")
                } else if !(1...65535).contains(nodePort) {
                    errors.invalid(portPath.key("nodePort"), .integer(nodePort), portRange)
                }
            }
            if !keys.insert("\(number)/\(proto)").inserted {
                let shown: JSONValue = ["Name": "", "Protocol": .string(proto), "AppProtocol": nil, "Port": .integer(number),
                                        "TargetPort": 0, "NodePort": 0]
                errors.duplicate(portPath, shown)
            }
        }
        return errors
    }

    static let portRange = "must be between 1 and 65535, inclusive"

    /// A port given by number (1-65535) or by name (an IANA service name).
    static func targetPort(_ value: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let name = value.stringValue {
            if let number = Int(name) {
                if !(1...65535).contains(number) { errors.invalid(path, value, portRange) }
            } else {
                errors.invalid(path, name, details: NameRules.portName(name))
            }
        } else if let number = value.intValue, !(1...65535).contains(number) {
            errors.invalid(path, value, portRange)
        }
        return errors
    }

    /// An allocated cluster IP stays.
    private static func serviceUpdate(_ object: JSONValue, old: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let oldIP = old["spec"]?["clusterIP"]?.stringValue ?? ""
        let newIP = object["spec"]?["clusterIP"]?.stringValue ?? ""
        let externalName = [object, old].contains { $0["spec"]?["type"]?.stringValue == "ExternalName" }
        if !externalName, !oldIP.isEmpty, !newIP.isEmpty, oldIP != newIP {
            let shown = object["spec"]?["clusterIPs"] ?? [.string(newIP)]
            errors.invalid(FieldPath().key("spec").key("clusterIPs").index(0), shown, "may not change once set")
        }
        return errors
    }
}
