import KubeModel
import ShipshapeAPI

extension Container {
    /// The Microservice's one container.
    init(rendering context: RenderContext, mounts: [VolumeMount], warnings: inout [RenderWarning]) {
        let spec = context.spec
        self.init(name: context.name, image: spec.image)
        command = spec.command
        args = spec.args
        let declared = spec.ports ?? []
        ports = declared.isEmpty ? nil : declared.map { ContainerPort(name: $0.name, containerPort: $0.port, protocol: "TCP") }
        envFrom = EnvFromSource.rendering(spec)
        env = KubeModel.EnvVar.rendering(context)
        resources = ResourceRequirements(rendering: spec.resources)
        volumeMounts = mounts
        let probes = spec.probes
        let probesPath = RenderContext.specPath.key("probes")
        livenessProbe = KubeModel.Probe(rendering: probes?.liveness, timings: .liveness, context: context,
                                        path: probesPath.key("liveness"), warnings: &warnings)
        readinessProbe = KubeModel.Probe(rendering: probes?.readiness, timings: .readiness, context: context,
                                         path: probesPath.key("readiness"), warnings: &warnings)
        startupProbe = KubeModel.Probe(rendering: probes?.startup, timings: .startup, context: context,
                                       path: probesPath.key("startup"), warnings: &warnings)
        let preStopSleep = spec.shutdown?.preStopSleepSeconds ?? Defaults.preStopSleepSeconds
        if preStopSleep > 0 {
            lifecycle = Lifecycle(preStop: LifecycleHandler(sleep: SleepAction(seconds: preStopSleep)))
        }
        securityContext = SecurityContext(rendering: spec.security)
    }
}

extension ResourceRequirements {
    /// `resources` as resource-name maps; nil when nothing is set.
    init?(rendering resources: Resources?) {
        func list(_ list: ResourceList?) -> [String: Quantity]? {
            let entries = [("cpu", list?.cpu), ("memory", list?.memory), ("ephemeral-storage", list?.ephemeralStorage)]
            let map = Dictionary(uniqueKeysWithValues: entries.compactMap { key, value in value.map { (key, $0) } })
            return map.isEmpty ? nil : map
        }
        let limits = list(resources?.limits), requests = list(resources?.requests)
        guard limits != nil || requests != nil else { return nil }
        self.init(limits: limits, requests: requests)
    }
}
