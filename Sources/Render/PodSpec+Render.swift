import KubeModel
import ShipshapeAPI

extension PodSpec {
    /// The pod: one container, its volumes, identity, security context, shutdown grace period
    /// and topology spread.
    init(rendering context: RenderContext, warnings: inout [RenderWarning]) {
        let spec = context.spec
        let files = PodFiles(spec)
        self.init(containers: [Container(rendering: context, mounts: files.mounts, warnings: &warnings)])
        volumes = files.volumes
        terminationGracePeriodSeconds = spec.shutdown?.gracePeriodSeconds ?? Defaults.gracePeriodSeconds
        serviceAccountName = context.serviceAccountName
        automountServiceAccountToken = spec.serviceAccount?.automountToken ?? false
        securityContext = PodSecurityContext(rendering: spec.security)
        imagePullSecrets = spec.imagePullSecrets.flatMap { $0.isEmpty ? nil : $0.map(LocalObjectReference.init) }
        // Service links inject variables for every Service in the namespace: noise, and slow
        // pod starts in large namespaces. Callers use DNS.
        enableServiceLinks = false
        topologySpreadConstraints = TopologySpreadConstraint.rendering(context)
    }
}

extension TopologySpreadConstraint {
    /// When more than one replica can run: spread across zones (unless `spreadAcrossZones` is
    /// false) and nodes, preferred rather than required, counting only the current rollout's pods.
    static func rendering(_ context: RenderContext) -> [TopologySpreadConstraint]? {
        guard context.mostReplicas > 1 else { return nil }
        let zones = context.spec.availability?.spreadAcrossZones ?? true
        let keys = (zones ? ["topology.kubernetes.io/zone"] : []) + ["kubernetes.io/hostname"]
        return keys.map { key in
            TopologySpreadConstraint(maxSkew: 1, topologyKey: key, whenUnsatisfiable: "ScheduleAnyway",
                                     labelSelector: context.podSelector, matchLabelKeys: ["pod-template-hash"])
        }
    }
}
