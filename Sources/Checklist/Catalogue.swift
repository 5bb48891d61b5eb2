/// The production checklist's rules, in the order reports list them.
public enum Catalogue {
    static let definitions: [RuleDefinition] = [
        .cpuRequest, .memoryRequest, .memoryLimit, .cpuLimit,
        .readinessProbe, .livenessProbe, .probePortExists, .probesDistinct,
        .gracefulShutdown,
        .imagePinned,
        .noInlineSecrets, .configByReference,
        .replicasHA, .hpaBounds, .hpaOwnsReplicas, .pdb, .pdbAllowsEviction, .topologySpread, .rollingUpdate,
        .networkPolicy,
        .notPrivileged, .noPrivilegeEscalation, .runAsNonRoot, .dropCapabilities, .readOnlyRootFS, .seccomp,
        .noHostNamespaces, .noHostPath, .noHostPort,
        .noHostProcess, .appArmor, .seLinux, .procMount, .sysctls, .volumeTypes,
        .serviceAccountToken, .dedicatedServiceAccount,
        .metricsExposed, .standardLabels, .sloDefined, .alertsConfigured,
        .mtlsEnforced,
        .exemptionReason, .exemptionKnownRule, .schemaValid,
    ]

    /// Every rule, in catalogue order.
    public static let rules: [Rule] = definitions.map(\.rule)

    private static let byID: [String: Rule] = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this id, or nil.
    public static func rule(_ id: String) -> Rule? { byID[id] }
}
