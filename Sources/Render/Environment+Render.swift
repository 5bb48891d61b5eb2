import KubeModel
import ShipshapeAPI

extension KubeModel.EnvVar {
    /// The container's variables: plain `env`, then single Secret keys by reference, then the
    /// OpenTelemetry variables (unless `env` already sets one of them). Nil when there are none.
    static func rendering(_ context: RenderContext) -> [KubeModel.EnvVar]? {
        let spec = context.spec
        var variables = (spec.env ?? []).map { KubeModel.EnvVar(name: $0.name, value: $0.value) }
        for reference in spec.secrets ?? [] {
            guard case .variable(let name, let secret, let key) = reference.form else { continue }
            variables.append(KubeModel.EnvVar(name: name, valueFrom: EnvVarSource(
                secretKeyRef: SecretKeySelector(name: secret, key: key, optional: reference.optional))))
        }
        let declared = Set(variables.map(\.name))
        variables += tracing(context).filter { !declared.contains($0.name) }
        return variables.isEmpty ? nil : variables
    }

    /// `observability.tracing` as the standard OTEL_* variables: service name, OTLP endpoint,
    /// a parent-based ratio sampler, and the namespace and version as resource attributes.
    private static func tracing(_ context: RenderContext) -> [KubeModel.EnvVar] {
        guard let tracing = context.spec.observability?.tracing else { return [] }
        var attributes = ["k8s.namespace.name=\(context.namespace)"]
        if let version = context.labels[Labels.version] { attributes.append("service.version=\(version)") }
        return [
            KubeModel.EnvVar(name: "OTEL_SERVICE_NAME", value: context.name),
            KubeModel.EnvVar(name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: tracing.endpoint),
            KubeModel.EnvVar(name: "OTEL_TRACES_SAMPLER", value: RenderPolicy.tracesSampler),
            KubeModel.EnvVar(name: "OTEL_TRACES_SAMPLER_ARG", value: String(tracing.sampleRatio ?? Defaults.sampleRatio)),
            KubeModel.EnvVar(name: "OTEL_RESOURCE_ATTRIBUTES", value: attributes.joined(separator: ",")),
        ]
    }
}

extension EnvFromSource {
    /// Whole ConfigMaps (those not mounted as files), then whole Secrets, as variables; later
    /// sources win on a clash, so a Secret overrides a ConfigMap. Nil when there are none.
    static func rendering(_ spec: MicroserviceSpec) -> [EnvFromSource]? {
        let configMaps = (spec.configFrom ?? []).filter { $0.mountPath == nil }.map {
            EnvFromSource(configMapRef: ConfigMapEnvSource(name: $0.configMap, optional: $0.optional))
        }
        let secrets = (spec.secrets ?? []).compactMap { reference -> EnvFromSource? in
            guard case .allKeys(let secret) = reference.form else { return nil }
            return EnvFromSource(secretRef: SecretEnvSource(name: secret, optional: reference.optional))
        }
        let sources = configMaps + secrets
        return sources.isEmpty ? nil : sources
    }
}
