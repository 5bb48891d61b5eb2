import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let readinessProbe = RuleDefinition(
        rule: Rule(
            id: "readiness-probe", category: .health, defaultSeverity: .error,
            title: "Serving containers have a readiness probe (an error when a Service sends them traffic)",
            remediation: "Add a readinessProbe that answers only when the container can serve (for example an HTTP GET on /ready).",
            pss: nil,
            failingExample: "containers:\n  - name: api\n    ports: [{ name: http, containerPort: 8080 }]",
            passingExample: "containers:\n  - name: api\n    ports: [{ name: http, containerPort: 8080 }]\n    readinessProbe: { httpGet: { path: /ready, port: http } }"),
        workload: { subject in
            let services = subject.inventory.services(selecting: subject.workload)
            let severity: Severity = services.isEmpty ? .warning : .error
            let why = services.first.map { " (\($0.ref) sends traffic to these pods)" } ?? ""
            return missingProbe("readinessProbe", in: subject, severity: severity, why: why)
        },
        microservice: { subject in
            guard subject.spec.probes?.readiness == nil else { return .pass }
            let served = !(subject.spec.ports ?? []).isEmpty
            return .fail(Violation(MicroserviceSubject.spec.key("probes").key("readiness"),
                                   "is not set" + (served ? " (the rendered Service sends traffic to these pods)" : ""),
                                   severity: served ? .error : .warning))
        })

    static let livenessProbe = RuleDefinition(
        rule: Rule(
            id: "liveness-probe", category: .health, defaultSeverity: .warning,
            title: "Serving containers have a liveness probe",
            remediation: "Add a cheap, local livenessProbe (no dependency checks) so a stuck process is restarted.",
            pss: nil,
            failingExample: "containers:\n  - name: api\n    readinessProbe: { httpGet: { path: /ready, port: http } }",
            passingExample: "containers:\n  - name: api\n    readinessProbe: { httpGet: { path: /ready, port: http } }\n    livenessProbe: { httpGet: { path: /healthz, port: http } }"),
        workload: { missingProbe("livenessProbe", in: $0, severity: nil, why: "") },
        microservice: { subject in
            subject.spec.probes?.liveness == nil
                ? .fail(Violation(MicroserviceSubject.spec.key("probes").key("liveness"), "is not set")) : .pass
        })

    static let probePortExists = RuleDefinition(
        rule: Rule(
            id: "probe-port-exists", category: .health, defaultSeverity: .error,
            title: "Probes name a port the container declares",
            remediation: "Point the probe at a declared containerPort (by name), or declare the port it uses.",
            pss: nil,
            failingExample: "ports: [{ name: http, containerPort: 8080 }]\nreadinessProbe: { httpGet: { path: /ready, port: web } }",
            passingExample: "ports: [{ name: http, containerPort: 8080 }]\nreadinessProbe: { httpGet: { path: /ready, port: http } }"),
        workload: { subject in
            var probed = false
            var violations: [Violation] = []
            for container in subject.workload.containers([.regular, .initContainer]) {
                for (probePath, port) in probePorts(of: container) {
                    probed = true
                    let declared = "declared: " + (container.portNames.sorted().joined(separator: ", ").nonEmpty ?? "none")
                    switch port {
                    case .string(let name) where !container.portNames.contains(name):
                        violations.append(Violation(probePath, "names port \"\(name)\", which the container does not declare (\(declared))"))
                    case .integer(let number) where !container.portNumbers.contains(number):
                        violations.append(Violation(probePath, "is \(number), which the container does not declare as a containerPort",
                                                    severity: .warning))
                    default: break
                    }
                }
            }
            return probed ? .from(violations) : .notApplicable
        },
        microservice: { subject in
            let ports = subject.spec.ports ?? []
            var probed = false
            var violations: [Violation] = []
            for (name, probe) in subject.spec.probeList {
                guard let port = probe.port else { continue }
                probed = true
                let handler = probe.http != nil ? "http" : probe.grpc != nil ? "grpc" : "tcp"
                let path = MicroserviceSubject.spec.key("probes").key(name).key(handler).key("port")
                switch port {
                case .string(let portName) where !ports.contains(where: { $0.name == portName }):
                    violations.append(Violation(path, "names port \"\(portName)\", which spec.ports does not declare"))
                case .int(let number) where !ports.contains(where: { $0.port == number }):
                    violations.append(Violation(path, "is \(number), which spec.ports does not declare", severity: .warning))
                default: break
                }
            }
            return probed ? .from(violations) : .notApplicable
        })

    static let probesDistinct = RuleDefinition(
        rule: Rule(
            id: "probes-distinct", category: .health, defaultSeverity: .warning,
            title: "Liveness is not the same check as readiness",
            remediation: "Make liveness a cheap local check (/healthz) and keep dependency checks in readiness; identical probes restart pods when a dependency fails.",
            pss: nil,
            failingExample: "livenessProbe: { httpGet: { path: /ready, port: http } }\nreadinessProbe: { httpGet: { path: /ready, port: http } }",
            passingExample: "livenessProbe: { httpGet: { path: /healthz, port: http } }\nreadinessProbe: { httpGet: { path: /ready, port: http } }"),
        workload: { subject in
            guard subject.workload.kind.isLongRunning else { return .notApplicable }
            let pairs = subject.workload.containers([.regular]).filter {
                $0.value["livenessProbe"]?.objectValue != nil && $0.value["readinessProbe"]?.objectValue != nil
            }
            guard !pairs.isEmpty else { return .notApplicable }
            return .from(pairs.filter { probeCheck($0.value["livenessProbe"]) == probeCheck($0.value["readinessProbe"]) }.map {
                Violation($0.path.key("livenessProbe"), "makes the same check as readinessProbe")
            })
        },
        microservice: { subject in
            guard let liveness = subject.spec.probes?.liveness, let readiness = subject.spec.probes?.readiness else {
                return .notApplicable
            }
            let sameCheck = liveness.http == readiness.http && liveness.grpc == readiness.grpc
                && liveness.tcp == readiness.tcp && liveness.exec == readiness.exec
            return sameCheck
                ? .fail(Violation(MicroserviceSubject.spec.key("probes").key("liveness"), "makes the same check as spec.probes.readiness"))
                : .pass
        })

    /// What a probe checks (its handler), without its timings: two probes with different
    /// periods on the same endpoint are still the same check.
    static func probeCheck(_ probe: JSONValue?) -> JSONValue? {
        guard let probe = probe?.objectValue else { return nil }
        return .object(JSONObject(["httpGet", "tcpSocket", "grpc", "exec"].compactMap { key in probe[key].map { (key, $0) } }))
    }

    /// A probe every serving container should have; N/A for Jobs and CronJobs.
    private static func missingProbe(_ probe: String, in subject: WorkloadSubject, severity: Severity?, why: String) -> Verdict {
        guard subject.workload.kind.isLongRunning else { return .notApplicable }
        return .from(subject.workload.containers([.regular]).filter { $0.value[probe]?.objectValue == nil }.map {
            Violation($0.path.key(probe), "is not set" + why, severity: severity)
        })
    }

    /// The port of each probe handler of a container, with its path (`...livenessProbe.httpGet.port`).
    private static func probePorts(of container: Container) -> [(FieldPath, JSONValue)] {
        ["livenessProbe", "readinessProbe", "startupProbe"].flatMap { probe in
            ["httpGet", "tcpSocket", "grpc"].compactMap { handler -> (FieldPath, JSONValue)? in
                guard let port = container.value[probe]?[handler]?["port"], !port.isNull else { return nil }
                return (container.path.key(probe).key(handler).key("port"), port)
            }
        }
    }
}

extension MicroserviceSpec {
    /// The probes that are set, by name.
    var probeList: [(String, ShipshapeAPI.Probe)] {
        [("liveness", probes?.liveness), ("readiness", probes?.readiness), ("startup", probes?.startup)]
            .compactMap { name, probe in probe.map { (name, $0) } }
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
