import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Security settings as they take effect on the main container (its own over the pod's),
    /// written only where they differ from Shipshape's defaults. Unset ones take the defaults.
    mutating func importSecurity() {
        let podContext = pod["securityContext"]?.objectValue ?? JSONObject()
        let containerContext = container["securityContext"]?.objectValue ?? JSONObject()
        func effective(_ key: String) -> JSONValue? { containerContext[key] ?? podContext[key] }
        var security = Security()
        if let user = effective("runAsUser")?.intValue, user != Defaults.userID { security.runAsUser = user }
        if let group = effective("runAsGroup")?.intValue, group != Defaults.userID { security.runAsGroup = group }
        if let group = podContext["fsGroup"]?.intValue, group != Defaults.userID { security.fsGroup = group }
        let nonRoot = effective("runAsNonRoot")?.boolValue
        if nonRoot == false || (security.runAsUser == 0 && nonRoot == nil) { security.runAsNonRoot = false }
        if containerContext["readOnlyRootFilesystem"]?.boolValue == false { security.readOnlyRootFilesystem = false }
        if containerContext["allowPrivilegeEscalation"]?.boolValue == true { security.allowPrivilegeEscalation = true }
        let added = (containerContext["capabilities"]?["add"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !added.isEmpty { security.addCapabilities = added }
        let dropped = (containerContext["capabilities"]?["drop"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !dropped.isEmpty, !dropped.contains("ALL") {
            templateNote(containerField("securityContext.capabilities.drop"), "Shipshape drops ALL capabilities (then adds back addCapabilities)")
        }
        if let seccomp = effective("seccompProfile")?["type"]?.stringValue {
            if seccomp == "Unconfined" { security.seccompProfile = seccomp }
            if seccomp == "Localhost" {
                templateNote(containerField("securityContext.seccompProfile"), "a Localhost seccomp profile is not expressed; RuntimeDefault applies")
            }
        }
        if containerContext["privileged"]?.boolValue == true {
            templateNote(containerField("securityContext.privileged"), "privileged containers are not expressed: the rendered pod is unprivileged")
        }
        let handled: Set<String> = ["runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem", "allowPrivilegeEscalation",
                                    "capabilities", "seccompProfile", "privileged", "fsGroup"]
        for key in containerContext.keys where !handled.contains(key) {
            templateNote(containerField("securityContext.\(key)"), "is not expressed by a Microservice's security settings")
        }
        for key in podContext.keys where !handled.contains(key) {
            let path = PodTemplateView.sharedSecurityKeys.contains(key) ? containerField("securityContext.\(key)") : "spec.securityContext.\(key)"
            templateNote(path, "is not expressed by a Microservice's security settings")
        }
        spec.security = security == Security() ? nil : security
    }

    /// The ServiceAccount: one found among the inputs is created (adopted) by Shipshape; one
    /// named but not given is used as it is; the namespace's default gives way to a dedicated one.
    mutating func importIdentity() {
        let accountName = pod["serviceAccountName"]?.stringValue ?? pod["serviceAccount"]?.stringValue
        let automount = pod["automountServiceAccountToken"]?.boolValue ?? related.serviceAccount?.value["automountServiceAccountToken"]?.boolValue
        var account = ServiceAccountSpec()
        if let accountName, accountName != "default" {
            account.name = accountName == name ? nil : accountName
            account.create = related.serviceAccount == nil ? false : nil
        } else {
            objectChanges.append("ServiceAccount \(name) is created for the pods (they ran as the namespace's default)")
        }
        if automount == true { account.automountToken = true }
        spec.serviceAccount = account == ServiceAccountSpec() ? nil : account
    }
}
