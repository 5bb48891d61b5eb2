import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let serviceAccountToken = RuleDefinition(
        rule: Rule(
            id: "service-account-token", category: .identity, defaultSeverity: .warning,
            title: "Pods do not mount an API token unless they need one",
            remediation: "Set automountServiceAccountToken: false on the pod (or its ServiceAccount); enable it only for pods that call the Kubernetes API.",
            pss: nil,
            failingExample: "spec:\n  serviceAccountName: orders",
            passingExample: "spec:\n  serviceAccountName: orders\n  automountServiceAccountToken: false"),
        workload: { subject in
            let workload = subject.workload
            let path = workload.podSpecPath.key("automountServiceAccountToken")
            let podSetting = workload.podSpec["automountServiceAccountToken"]
            if podSetting.isFalse { return .pass }
            if podSetting.isTrue { return .fail(Violation(path, "is true")) }
            let name = workload.serviceAccountName ?? "default"
            guard let account = subject.inventory.serviceAccount(named: name, near: workload) else {
                return .fail(Violation(path, "is not set (ServiceAccount \(name) is not in the input)"))
            }
            return account.value["automountServiceAccountToken"].isFalse ? .pass
                : .fail(Violation(path, "is not set, and \(account.ref) does not disable it"))
        },
        microservice: { subject in
            subject.spec.serviceAccount?.automountToken == true
                ? .fail(Violation(MicroserviceSubject.spec.key("serviceAccount").key("automountToken"), "is true")) : .pass
        })

    static let dedicatedServiceAccount = RuleDefinition(
        rule: Rule(
            id: "dedicated-service-account", category: .identity, defaultSeverity: .warning,
            title: "Pods run as their own ServiceAccount, not the namespace's default",
            remediation: "Create a ServiceAccount for the workload and set serviceAccountName, so RBAC grants stay per service.",
            pss: nil,
            failingExample: "spec:\n  serviceAccountName: default",
            passingExample: "spec:\n  serviceAccountName: orders"),
        workload: { subject in
            let workload = subject.workload
            switch workload.serviceAccountName {
            case nil: return .fail(Violation(workload.podSpecPath.key("serviceAccountName"), "is not set (the namespace's default ServiceAccount)"))
            case "default": return .fail(Violation(workload.podSpecPath.key("serviceAccountName"), "is default"))
            default: return .pass
            }
        },
        microservice: { subject in
            let account = subject.spec.serviceAccount
            let base = MicroserviceSubject.spec.key("serviceAccount")
            if account?.name == "default" { return .fail(Violation(base.key("name"), "is default")) }
            if account?.create == false && account?.name == nil {
                return .fail(Violation(base.key("create"), "is false and no name is given: pods run as the namespace's default ServiceAccount"))
            }
            return .pass
        })
}

extension Workload {
    /// `serviceAccountName`, or the deprecated `serviceAccount`; nil when neither is set.
    var serviceAccountName: String? {
        (podSpec["serviceAccountName"] ?? podSpec["serviceAccount"])?.stringValue.flatMap(\.nonEmpty)
    }
}
