import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Liveness, readiness and startup probes in the short form, with every timing given.
    mutating func importProbes() {
        var probes = Probes()
        probes.liveness = probe("livenessProbe")
        probes.readiness = probe("readinessProbe")
        probes.startup = probe("startupProbe")
        spec.probes = probes == Probes() ? nil : probes
    }

    private mutating func probe(_ field: String) -> ShipshapeAPI.Probe? {
        guard let original = container[field] else { return nil }
        let path = containerField(field)
        var probe: ShipshapeAPI.Probe
        if let action = original["httpGet"], let port = Self.port(action["port"]) {
            probe = ShipshapeAPI.Probe(http: HTTPCheck(path: action["path"]?.stringValue, port: port, scheme: action["scheme"]?.stringValue))
            for extra in ["host", "httpHeaders"] where action[extra] != nil {
                templateNote("\(path).httpGet.\(extra)", "is not expressed in a Microservice's probe")
            }
        } else if let action = original["grpc"], let port = action["port"]?.intValue {
            probe = ShipshapeAPI.Probe(grpc: GRPCCheck(port: .int(port), service: action["service"]?.stringValue))
        } else if let action = original["tcpSocket"], let port = Self.port(action["port"]) {
            probe = ShipshapeAPI.Probe(tcp: TCPCheck(port: port))
            if action["host"] != nil { templateNote("\(path).tcpSocket.host", "is not expressed in a Microservice's probe") }
        } else if let command = original["exec"]?["command"]?.arrayValue, !command.isEmpty {
            probe = ShipshapeAPI.Probe(exec: ExecCheck(command: command.compactMap(\.stringValue)))
        } else {
            templateNote(path, "has no handler a Microservice can express")
            return nil
        }
        if case .string(let portName)? = probe.port, !(spec.ports ?? []).contains(where: { $0.name == portName }) {
            templateNote(path, "probes port \"\(portName)\", which the container does not declare (it fails in the cluster too); left out")
            return nil
        }
        probe.initialDelaySeconds = original["initialDelaySeconds"]?.intValue
        probe.periodSeconds = original["periodSeconds"]?.intValue
        probe.timeoutSeconds = original["timeoutSeconds"]?.intValue
        probe.failureThreshold = original["failureThreshold"]?.intValue
        probe.successThreshold = original["successThreshold"]?.intValue
        if original["terminationGracePeriodSeconds"] != nil {
            templateNote("\(path).terminationGracePeriodSeconds", "a probe's own grace period is not expressed")
        }
        return probe
    }

    private static func port(_ value: JSONValue?) -> IntOrString? {
        if let number = value?.intValue { return .int(number) }
        return value?.stringValue.map(IntOrString.string)
    }

    /// Termination grace period and a preStop sleep (the sleep action, or an exec of `sleep N`).
    mutating func importShutdown() {
        var shutdown = Shutdown()
        shutdown.gracePeriodSeconds = pod["terminationGracePeriodSeconds"]?.intValue
        let lifecycle = container["lifecycle"]
        if let preStop = lifecycle?["preStop"] {
            if let seconds = preStop["sleep"]?["seconds"]?.intValue {
                shutdown.preStopSleepSeconds = seconds
            } else if let seconds = Self.sleepSeconds(preStop["exec"]?["command"]) {
                shutdown.preStopSleepSeconds = seconds
                templateNote(containerField("lifecycle.preStop"), "the exec of sleep \(seconds) becomes the sleep action (no shell or sleep binary needed)")
            } else {
                templateNote(containerField("lifecycle.preStop"), "this hook is not expressed; Shipshape's preStop sleeps "
                    + "\(Defaults.preStopSleepSeconds) s instead, so the hook's work no longer runs on shutdown")
            }
        }
        if lifecycle?["postStart"] != nil { templateNote(containerField("lifecycle.postStart"), "postStart hooks are not expressed") }
        if lifecycle?["stopSignal"] != nil { templateNote(containerField("lifecycle.stopSignal"), "is not expressed") }
        let preStop = shutdown.preStopSleepSeconds ?? Defaults.preStopSleepSeconds
        let grace = shutdown.gracePeriodSeconds ?? Defaults.gracePeriodSeconds
        if grace <= preStop {
            if shutdown.preStopSleepSeconds == nil {
                shutdown.preStopSleepSeconds = max(0, grace - 1)
            } else {
                shutdown.gracePeriodSeconds = preStop + 1
                templateNote("spec.terminationGracePeriodSeconds", "raised to \(preStop + 1) s, longer than the preStop sleep (a Microservice requires it)")
            }
        }
        spec.shutdown = shutdown == Shutdown() ? nil : shutdown
    }

    /// `N` from `sleep N` or `sh -c "sleep N"`.
    private static func sleepSeconds(_ command: JSONValue?) -> Int? {
        let words = (command?.arrayValue ?? []).compactMap(\.stringValue)
        let script: [String]
        if words.count == 3, words[0].hasSuffix("sh"), words[1] == "-c" {
            script = words[2].split(separator: " ").map(String.init)
        } else {
            script = words
        }
        guard script.count == 2, script[0].hasSuffix("sleep") else { return nil }
        return Int(script[1])
    }
}
