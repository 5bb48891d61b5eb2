import KubeModel
import ShipshapeAPI

extension PodSecurityContext {
    /// Non-root user and group, volumes owned by that group, seccomp RuntimeDefault; each
    /// overridable through `security`.
    init(rendering security: Security?) {
        self.init()
        runAsUser = security?.runAsUser ?? Defaults.userID
        runAsGroup = security?.runAsGroup ?? Defaults.userID
        runAsNonRoot = security?.runAsNonRoot ?? true
        fsGroup = security?.fsGroup ?? Defaults.userID
        seccompProfile = SeccompProfile(type: security?.seccompProfile ?? "RuntimeDefault")
    }
}

extension SecurityContext {
    /// Every capability dropped (some may be added back), no privilege escalation, a read-only
    /// root filesystem; each overridable through `security`.
    init(rendering security: Security?) {
        self.init()
        let added = security?.addCapabilities ?? []
        capabilities = Capabilities(add: added.isEmpty ? nil : added, drop: ["ALL"])
        readOnlyRootFilesystem = security?.readOnlyRootFilesystem ?? true
        allowPrivilegeEscalation = security?.allowPrivilegeEscalation ?? false
    }
}
