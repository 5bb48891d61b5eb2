import KubeModel

extension MicroserviceSpec {
    /// Checks across fields that a schema cannot express: probe and metrics ports name declared
    /// ports, port numbers and variable names are unique, mount paths do not collide.
    /// Paths are relative to `spec`.
    public func consistencyIssues(at base: FieldPath = FieldPath.root.key("spec")) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let ports = self.ports ?? []
        let portNames = ports.map(\.name)
        let declared = portNames.isEmpty ? "no ports are declared" : "declared: \(portNames.joined(separator: ", "))"

        var numbers: [Int: String] = [:]
        for (index, port) in ports.enumerated() {
            if let other = numbers[port.port] {
                issues.append(ValidationIssue(base.key("ports").index(index).key("port"),
                                              "\(port.port) is already used by port \"\(other)\""))
            } else {
                numbers[port.port] = port.name
            }
        }

        let probes: [(String, Probe?)] = [("liveness", probes?.liveness), ("readiness", probes?.readiness), ("startup", probes?.startup)]
        for (name, probe) in probes {
            guard let probe, let port = probe.port else { continue }
            let handler = probe.http != nil ? "http" : probe.grpc != nil ? "grpc" : "tcp"
            let path = base.key("probes").key(name).key(handler).key("port")
            switch port {
            case .string(let portName) where !portNames.contains(portName):
                issues.append(ValidationIssue(path, "\"\(portName)\" is not a declared port (\(declared))"))
            case .int(let number) where !(1...65535).contains(number):
                issues.append(ValidationIssue(path, "must be 1-65535"))
            default: break
            }
        }

        if let metrics = observability?.metrics, !portNames.contains(metrics.port) {
            issues.append(ValidationIssue(base.key("observability").key("metrics").key("port"),
                                          "\"\(metrics.port)\" is not a declared port (\(declared))"))
        }

        var variables: [String: FieldPath] = [:]
        for (index, variable) in (env ?? []).enumerated() { variables[variable.name] = base.key("env").index(index) }
        for (index, reference) in (secrets ?? []).enumerated() {
            guard case .variable(let name, _, _) = reference.form else { continue }
            let path = base.key("secrets").index(index).key("env")
            if let other = variables[name] {
                issues.append(ValidationIssue(path, "\(name) is also set at \(other)"))
            } else {
                variables[name] = path
            }
        }

        var mounts: [String: FieldPath] = ["/tmp": FieldPath(parsing: "(the writable /tmp Shipshape mounts)")]
        let configMounts = (configFrom ?? []).enumerated().compactMap { index, source in
            source.mountPath.map { ($0, base.key("configFrom").index(index).key("mountPath")) }
        }
        let secretMounts = (secrets ?? []).enumerated().compactMap { index, reference in
            reference.mountPath.map { ($0, base.key("secrets").index(index).key("mountPath")) }
        }
        for (mountPath, path) in configMounts + secretMounts {
            let normalized = mountPath.count > 1 && mountPath.hasSuffix("/") ? String(mountPath.dropLast()) : mountPath
            if let other = mounts[normalized] {
                issues.append(ValidationIssue(path, "\(mountPath) is also mounted by \(other)"))
            } else {
                mounts[normalized] = path
            }
        }
        return issues
    }
}
