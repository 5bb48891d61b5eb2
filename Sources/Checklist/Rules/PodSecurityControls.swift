import KubeModel
import ShipshapeAPI

// The Pod Security Standards controls the DESIGN catalogue does not name, so that
// `--profile pss-baseline|pss-restricted` checks every control of its level. A Microservice
// cannot set any of these fields, so it passes them by construction.
extension RuleDefinition {
    static let allowedSELinuxTypes: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]
    static let safeSysctls: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ]
    static let restrictedVolumeTypes: Set<String> = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    ]

    static let noHostProcess = pssControl(
        "no-host-process", .baseline, title: "No Windows HostProcess containers",
        remediation: "Remove securityContext.windowsOptions.hostProcess.",
        failing: "securityContext:\n  windowsOptions: { hostProcess: true }", passing: "securityContext: {}"
    ) { workload in
        workload.securityContextSites.filter { $0.value["windowsOptions"]?["hostProcess"].isTrue ?? false }.map {
            Violation($0.path.key("windowsOptions").key("hostProcess"), "is true")
        }
    }

    static let appArmor = pssControl(
        "apparmor", .baseline, title: "AppArmor is not disabled (RuntimeDefault or Localhost only)",
        remediation: "Remove the Unconfined AppArmor profile (securityContext.appArmorProfile or the container.apparmor annotation).",
        failing: "securityContext:\n  appArmorProfile: { type: Unconfined }",
        passing: "securityContext:\n  appArmorProfile: { type: RuntimeDefault }"
    ) { workload in
        let annotations = workload.templatePath.key("metadata").key("annotations")
        let prefix = "container.apparmor.security.beta.kubernetes.io/"
        let annotated = (workload.value[annotations]?.stringMap ?? [:]).sorted { $0.key < $1.key }.filter {
            $0.key.hasPrefix(prefix) && $0.value != "runtime/default" && !$0.value.hasPrefix("localhost/")
        }.map { Violation(annotations.key($0.key), "is \"\($0.value)\"") }
        return workload.securityContextSites.compactMap { site in
            guard let type = site.value["appArmorProfile"]?["type"]?.stringValue,
                  !["", "RuntimeDefault", "Localhost"].contains(type) else { return nil }
            return Violation(site.path.key("appArmorProfile").key("type"), "is \(type)")
        } + annotated
    }

    static let seLinux = pssControl(
        "selinux", .baseline, title: "SELinux options keep a container type and set no user or role",
        remediation: "Remove seLinuxOptions.user and .role, and use a container_t-family type.",
        failing: "securityContext:\n  seLinuxOptions: { type: spc_t }",
        passing: "securityContext:\n  seLinuxOptions: { level: \"s0:c123,c456\" }"
    ) { workload in
        workload.securityContextSites.flatMap { site -> [Violation] in
            guard let options = site.value["seLinuxOptions"], options.objectValue != nil else { return [] }
            let path = site.path.key("seLinuxOptions")
            var violations: [Violation] = []
            if let type = options["type"]?.stringValue, !allowedSELinuxTypes.contains(type) {
                violations.append(Violation(path.key("type"), "is \(type)"))
            }
            for field in ["user", "role"] where !(options[field]?.stringValue ?? "").isEmpty {
                violations.append(Violation(path.key(field), "is set"))
            }
            return violations
        }
    }

    static let procMount = pssControl(
        "proc-mount", .baseline, title: "Containers keep the default /proc mount",
        remediation: "Remove securityContext.procMount (or set it to Default).",
        failing: "securityContext: { procMount: Unmasked }", passing: "securityContext: { procMount: Default }"
    ) { workload in
        workload.containers().compactMap { container in
            guard let mount = container.securityContext["procMount"]?.stringValue, mount != "Default" else { return nil }
            return Violation(container.securityContextPath.key("procMount"), "is \(mount)")
        }
    }

    static let sysctls = pssControl(
        "safe-sysctls", .baseline, title: "Pods set only the safe sysctls",
        remediation: "Remove unsafe entries from securityContext.sysctls; tune the node instead.",
        failing: "securityContext:\n  sysctls: [{ name: kernel.msgmax, value: \"65536\" }]",
        passing: "securityContext:\n  sysctls: [{ name: net.ipv4.tcp_syncookies, value: \"1\" }]"
    ) { workload in
        let list = workload.podSecurityContextPath.key("sysctls")
        return (workload.podSecurityContext["sysctls"]?.elements ?? []).enumerated().compactMap { index, sysctl in
            guard let name = sysctl["name"]?.stringValue, !safeSysctls.contains(name) else { return nil }
            return Violation(list.index(index, name: name), "is not a safe sysctl")
        }
    }

    static let volumeTypes = pssControl(
        "volume-types", .restricted, title: "Pods use only the restricted volume types",
        remediation: "Use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret volumes.",
        failing: "volumes:\n  - name: data\n    nfs: { server: nfs.example.com, path: /data }",
        passing: "volumes:\n  - name: data\n    persistentVolumeClaim: { claimName: data }"
    ) { workload in
        let list = workload.podSpecPath.key("volumes")
        return (workload.podSpec["volumes"]?.elements ?? []).enumerated().compactMap { index, volume in
            guard let source = volume.objectValue?.keys.first(where: { $0 != "name" }),
                  !restrictedVolumeTypes.contains(source) else { return nil }
            return Violation(list.index(index, name: volume["name"]?.stringValue).key(source), "is not an allowed volume type")
        }
    }

    /// A PSS control checked on workloads only.
    private static func pssControl(
        _ id: String, _ level: PSSLevel, title: String, remediation: String, failing: String, passing: String,
        violations: @escaping @Sendable (Workload) -> [Violation]
    ) -> RuleDefinition {
        RuleDefinition(
            rule: Rule(id: id, category: .security, defaultSeverity: .error, title: title, remediation: remediation,
                       pss: level, failingExample: failing, passingExample: passing),
            workload: { .from(violations($0.workload)) },
            microservice: { _ in .pass })
    }
}
