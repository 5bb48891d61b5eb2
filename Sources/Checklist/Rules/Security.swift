import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    /// Capabilities the baseline Pod Security Standard lets a container add.
    static let baselineCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    static let notPrivileged = RuleDefinition(
        rule: Rule(
            id: "not-privileged", category: .security, defaultSeverity: .error,
            title: "No container runs privileged",
            remediation: "Remove securityContext.privileged (or set it false); add the one capability you need instead.",
            pss: .baseline,
            failingExample: "securityContext: { privileged: true }",
            passingExample: "securityContext: { privileged: false }"),
        workload: { subject in
            .from(subject.workload.containers().filter { $0.securityContext["privileged"].isTrue }.map {
                Violation($0.securityContextPath.key("privileged"), "is true: the container has full access to the host")
            })
        },
        microservice: { _ in .pass })  // a Microservice cannot ask for it

    static let noPrivilegeEscalation = RuleDefinition(
        rule: Rule(
            id: "no-privilege-escalation", category: .security, defaultSeverity: .error,
            title: "Containers set allowPrivilegeEscalation: false",
            remediation: "Set securityContext.allowPrivilegeEscalation: false on every container (in a Microservice, leave spec.security.allowPrivilegeEscalation unset).",
            pss: .restricted,
            failingExample: "securityContext: {}",
            passingExample: "securityContext: { allowPrivilegeEscalation: false }"),
        workload: { subject in
            .from(subject.workload.containers().compactMap { container in
                let value = container.securityContext["allowPrivilegeEscalation"]
                guard !value.isFalse else { return nil }
                return Violation(container.securityContextPath.key("allowPrivilegeEscalation"),
                                 value.isTrue ? "is true" : "is not set (defaults to true)")
            })
        },
        microservice: { subject in
            subject.spec.security?.allowPrivilegeEscalation == true
                ? .fail(Violation(MicroserviceSubject.spec.key("security").key("allowPrivilegeEscalation"), "is true")) : .pass
        })

    static let runAsNonRoot = RuleDefinition(
        rule: Rule(
            id: "run-as-non-root", category: .security, defaultSeverity: .error,
            title: "Containers run as a non-root user (runAsNonRoot: true, or a non-zero runAsUser outside PSS profiles)",
            remediation: "Set securityContext.runAsNonRoot: true and a non-zero runAsUser at pod or container level, and build the image to run as that user.",
            pss: .restricted,
            failingExample: "securityContext: { runAsUser: 0 }",
            passingExample: "securityContext: { runAsNonRoot: true, runAsUser: 10001 }"),
        workload: { subject in
            let workload = subject.workload
            let pod = workload.podSecurityContext
            var violations: [Violation] = []
            if pod["runAsUser"]?.intValue == 0 {
                violations.append(Violation(workload.podSecurityContextPath.key("runAsUser"), "is 0 (root)"))
            }
            if pod["runAsNonRoot"].isFalse {
                violations.append(Violation(workload.podSecurityContextPath.key("runAsNonRoot"), "is false"))
            }
            for container in workload.containers() {
                let context = container.securityContext
                if context["runAsUser"]?.intValue == 0 {
                    violations.append(Violation(container.securityContextPath.key("runAsUser"), "is 0 (root)"))
                }
                let nonRoot = context["runAsNonRoot"] ?? pod["runAsNonRoot"]
                let user = (context["runAsUser"] ?? pod["runAsUser"])?.intValue
                if context["runAsNonRoot"].isFalse {
                    violations.append(Violation(container.securityContextPath.key("runAsNonRoot"), "is false"))
                } else if !nonRoot.isTrue && !nonRoot.isFalse && (subject.exactPSS || user == nil) {
                    violations.append(Violation(container.securityContextPath.key("runAsNonRoot"),
                                                "is not set, at pod or container level" + (user == nil ? ", and no runAsUser is given" : "")))
                }
            }
            return .from(violations)
        },
        microservice: { subject in
            let security = MicroserviceSubject.spec.key("security")
            var violations: [Violation] = []
            if subject.spec.security?.runAsNonRoot == false { violations.append(Violation(security.key("runAsNonRoot"), "is false")) }
            if subject.spec.security?.runAsUser == 0 { violations.append(Violation(security.key("runAsUser"), "is 0 (root)")) }
            return .from(violations)
        })

    static let dropCapabilities = RuleDefinition(
        rule: Rule(
            id: "drop-capabilities", category: .security, defaultSeverity: .error,
            title: "Containers drop ALL capabilities and add back at most NET_BIND_SERVICE (baseline: only the default set)",
            remediation: "Set securityContext.capabilities.drop: [ALL] and add only NET_BIND_SERVICE if the container binds a port below 1024.",
            pss: .baseline,
            failingExample: "securityContext:\n  capabilities: { add: [SYS_ADMIN] }",
            passingExample: "securityContext:\n  capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }"),
        workload: { subject in
            let allowed = subject.level == .restricted ? ["NET_BIND_SERVICE"] : baselineCapabilities
            var violations: [Violation] = []
            for container in subject.workload.containers() {
                let capabilities = container.securityContext["capabilities"] ?? .null
                let path = container.securityContextPath.key("capabilities")
                let added = (capabilities["add"]?.elements ?? []).compactMap(\.stringValue).filter { !allowed.contains($0.uppercased()) }
                if !added.isEmpty { violations.append(Violation(path.key("add"), "adds \(added.joined(separator: ", "))")) }
                let dropped = (capabilities["drop"]?.elements ?? []).compactMap { $0.stringValue?.uppercased() }
                if subject.level == .restricted && !dropped.contains("ALL") {
                    violations.append(Violation(path.key("drop"), "does not include ALL"))
                }
            }
            return .from(violations)
        },
        microservice: { subject in
            let allowed = subject.level == .restricted ? ["NET_BIND_SERVICE"] : baselineCapabilities
            let added = (subject.spec.security?.addCapabilities ?? []).filter { !allowed.contains($0.uppercased()) }
            return added.isEmpty ? .pass
                : .fail(Violation(MicroserviceSubject.spec.key("security").key("addCapabilities"), "adds \(added.joined(separator: ", "))"))
        })

    static let readOnlyRootFS = RuleDefinition(
        rule: Rule(
            id: "read-only-root-fs", category: .security, defaultSeverity: .warning,
            title: "Containers mount their root filesystem read-only",
            remediation: "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write (/tmp).",
            pss: nil,
            failingExample: "securityContext: {}",
            passingExample: "securityContext: { readOnlyRootFilesystem: true }\nvolumeMounts: [{ name: tmp, mountPath: /tmp }]"),
        workload: { subject in
            .from(subject.workload.containers([.regular, .initContainer]).filter { !$0.securityContext["readOnlyRootFilesystem"].isTrue }.map {
                Violation($0.securityContextPath.key("readOnlyRootFilesystem"), $0.securityContext["readOnlyRootFilesystem"].isFalse ? "is false" : "is not set")
            })
        },
        microservice: { subject in
            subject.spec.security?.readOnlyRootFilesystem == false
                ? .fail(Violation(MicroserviceSubject.spec.key("security").key("readOnlyRootFilesystem"), "is false")) : .pass
        })

    static let seccomp = RuleDefinition(
        rule: Rule(
            id: "seccomp", category: .security, defaultSeverity: .warning,
            title: "Pods use the RuntimeDefault (or a Localhost) seccomp profile (baseline: never Unconfined)",
            remediation: "Set securityContext.seccompProfile.type: RuntimeDefault at pod level.",
            pss: .baseline,
            failingExample: "securityContext:\n  seccompProfile: { type: Unconfined }",
            passingExample: "securityContext:\n  seccompProfile: { type: RuntimeDefault }"),
        workload: { subject in
            let workload = subject.workload
            let type = { (context: JSONValue) in context["seccompProfile"]?["type"]?.stringValue }
            var violations = workload.securityContextSites.filter { type($0.value) == "Unconfined" }.map {
                Violation($0.path.key("seccompProfile").key("type"), "is Unconfined")
            }
            guard subject.level == .restricted, type(workload.podSecurityContext) == nil else { return .from(violations) }
            let unset = workload.containers().filter { type($0.securityContext) == nil }
            if unset.count == workload.containers().count, !unset.isEmpty {
                violations.append(Violation(workload.podSecurityContextPath.key("seccompProfile"), "is not set, at pod or container level"))
            } else {
                violations += unset.map { Violation($0.securityContextPath.key("seccompProfile"), "is not set, at pod or container level") }
            }
            return .from(violations)
        },
        microservice: { subject in
            subject.spec.security?.seccompProfile == "Unconfined"
                ? .fail(Violation(MicroserviceSubject.spec.key("security").key("seccompProfile"), "is Unconfined")) : .pass
        })
}
