import KubeModel

/// NetworkPolicies and Ingresses (`pkg/apis/networking/validation`).
extension Validation {
    static let policyTypes = ["Ingress", "Egress"]
    static let pathTypes = ["Exact", "ImplementationSpecific", "Prefix"]

    static func networkPolicy(_ object: JSONValue) -> FieldErrors {
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        var errors = labelSelector(spec?["podSelector"], at: path.key("podSelector"))
        for (direction, peers) in [("ingress", "from"), ("egress", "to")] {
            for (index, rule) in (spec?[direction]?.arrayValue ?? []).enumerated() {
                let rulePath = path.key(direction).index(index)
                for (portIndex, port) in (rule["ports"]?.arrayValue ?? []).enumerated() {
                    errors.append(networkPolicyPort(port, at: rulePath.key("ports").index(portIndex)))
                }
                for (peerIndex, peer) in (rule[peers]?.arrayValue ?? []).enumerated() {
                    errors.append(networkPolicyPeer(peer, at: rulePath.key(peers).index(peerIndex)))
                }
            }
        }
        let types = spec?["policyTypes"]?.arrayValue ?? []
        for (index, type) in types.enumerated() {
            let text = type.stringValue ?? ""
            if !policyTypes.contains(text) { errors.notSupported(path.key("policyTypes").index(index), .string(text), policyTypes) }
        }
        if types.count > 2 {
            errors.invalid(path.key("policyTypes"), .array(types), "may not specify more than two policyTypes")
        }
        return errors
    }

    private static func networkPolicyPort(_ port: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let proto = port["protocol"]?.stringValue, !["TCP", "UDP", "SCTP"].contains(proto) {
            errors.notSupported(path.key("protocol"), .string(proto), ["TCP", "UDP", "SCTP"])
        }
        if let value = port["port"] { errors.append(targetPort(value, at: path.key("port"))) }
        if let end = port["endPort"]?.intValue {
            if port["port"]?.stringValue != nil {
                errors.invalid(path.key("endPort"), .integer(end), "may not be specified when `port` is non-numeric")
            } else if let start = port["port"]?.intValue, end < start {
                errors.invalid(path.key("endPort"), .integer(end), "must be greater than or equal to `port`")
            } else if port["port"] == nil {
                errors.required(path.key("port"), "must be specified when `endPort` is specified")
            }
        }
        return errors
    }

    private static func networkPolicyPeer(_ peer: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let selectors = ["podSelector", "namespaceSelector"].filter { peer[$0] != nil && peer[$0]?.isNull == false }
        let ipBlock = peer["ipBlock"].flatMap { $0.isNull ? nil : $0 }
        if selectors.isEmpty && ipBlock == nil { errors.required(path, "must specify a peer") }
        if ipBlock != nil && !selectors.isEmpty { errors.forbidden(path, "may not specify both ipBlock and another peer") }
        for selector in selectors { errors.append(labelSelector(peer[selector], at: path.key(selector))) }
        if let ipBlock {
            let cidrPath = path.key("ipBlock").key("cidr")
            let cidr = ipBlock["cidr"]?.stringValue ?? ""
            if cidr.isEmpty {
                errors.required(cidrPath)
            } else if !IPAddress.isValidCIDR(cidr) {
                errors.invalid(cidrPath, .string(cidr), "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")
            }
            for (index, except) in (ipBlock["except"]?.arrayValue ?? []).enumerated() {
                let text = except.stringValue ?? ""
                if !IPAddress.isValidCIDR(text) {
                    errors.invalid(path.key("ipBlock").key("except").index(index), .string(text),
                                   "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")
                }
            }
        }
        return errors
    }

    static func ingress(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        if let backend = spec?["defaultBackend"] { errors.append(ingressBackend(backend, at: path.key("defaultBackend"))) }
        for (index, rule) in (spec?["rules"]?.arrayValue ?? []).enumerated() {
            let rulePath = path.key("rules").index(index)
            if let host = rule["host"]?.stringValue, !host.isEmpty {
                let bare = host.hasPrefix("*.") ? String(host.dropFirst(2)) : host
                errors.invalid(rulePath.key("host"), host, details: NameRules.dns1123Subdomain(bare))
            }
            guard let http = rule["http"] else { continue }
            let paths = http["paths"]?.arrayValue ?? []
            if paths.isEmpty { errors.required(rulePath.key("http").key("paths")) }
            for (pathIndex, entry) in paths.enumerated() {
                let entryPath = rulePath.key("http").key("paths").index(pathIndex)
                let text = entry["path"]?.stringValue ?? ""
                if let type = entry["pathType"]?.stringValue {
                    if !pathTypes.contains(type) {
                        errors.notSupported(entryPath.key("pathType"), .string(type), pathTypes)
                    } else if type != "ImplementationSpecific" && !text.hasPrefix("/") {
                        errors.invalid(entryPath.key("path"), .string(text), "must be an absolute path")
                    }
                } else {
                    errors.required(entryPath.key("pathType"), "pathType must be specified")
                }
                errors.append(ingressBackend(entry["backend"], at: entryPath.key("backend")))
            }
        }
        return errors
    }

    private static func ingressBackend(_ backend: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let service = backend?["service"]
        let resource = backend?["resource"]
        switch (service, resource) {
        case (nil, nil): errors.invalid(path, backend ?? .object([:]), "one backend (service or resource) must be specified")
        case (.some, .some): errors.invalid(path, backend ?? .object([:]), "cannot set both resource and service backends")
        case (let service?, nil):
            let name = service["name"]?.stringValue ?? ""
            errors.invalid(path.key("service").key("name"), name, details: NameRules.dns1123Label(name))
            let port = service["port"]
            let number = port?["number"]?.intValue
            let portName = port?["name"]?.stringValue
            if number != nil && portName != nil {
                errors.invalid(path.key("service").key("port"), port ?? .null, "cannot set both port name & port number")
            } else if let number {
                if !(1...65535).contains(number) { errors.invalid(path.key("service").key("port").key("number"), .integer(number), portRange) }
            } else if let portName {
                errors.invalid(path.key("service").key("port").key("name"), portName, details: NameRules.portName(portName))
            } else {
                errors.required(path.key("service").key("port"), "port name or number is required")
            }
        case (nil, .some): break
        }
        return errors
    }
}
