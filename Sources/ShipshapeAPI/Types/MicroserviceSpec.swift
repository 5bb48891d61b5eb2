import KubeModel

/// What a team declares about one microservice.
public struct MicroserviceSpec: Codable, Sendable, Hashable {
    public var image: String
    public var command: [String]?
    public var args: [String]?
    public var replicas: Int?
    public var ports: [ServicePort]?
    public var env: [EnvVar]?
    public var configFrom: [ConfigSource]?
    public var secrets: [SecretReference]?
    public var resources: Resources?
    public var probes: Probes?
    public var autoscaling: Autoscaling?
    public var availability: Availability?
    public var shutdown: Shutdown?
    public var dependsOn: [Dependency]?
    public var ingress: IngressPolicy?
    public var observability: Observability?
    public var security: Security?
    public var serviceAccount: ServiceAccountSpec?
    public var imagePullSecrets: [String]?
    public var checklist: ChecklistSettings?
    public var slo: ServiceLevel?
    public var mesh: Mesh?
    /// Take over existing objects of the same names that Shipshape does not own (default false:
    /// they are reported as a `Conflict` and left alone).
    public var adopt: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case image, command, args, replicas, ports, env, configFrom, secrets, resources, probes, autoscaling
        case availability, shutdown, dependsOn, ingress, observability, security, serviceAccount
        case imagePullSecrets, checklist, slo, mesh, adopt
    }

    public init(image: String) { self.image = image }

    static let schema = Schema.object(
        "The desired state of a microservice; Shipshape renders production-grade Kubernetes objects from it.",
        keys: CodingKeys.self, required: [.image],
        [
            .image: .string("Container image: a tag other than latest, or a digest (registry/name:1.2.3 or name@sha256:...).", format: .image),
            .command: .array("Entrypoint override (the container's command).", of: .string("An argument.")),
            .args: .array("Arguments to the entrypoint.", of: .string("An argument.")),
            .replicas: .integer("Replicas to run when autoscaling is not set (default 2).", min: 0, max: 1000),
            .ports: .array("Ports the service listens on; each becomes a named container port and a Service port.",
                           of: ServicePort.schema, mapKeys: ["name"], maxItems: 32),
            .env: .array("Plain configuration as environment variables (12-factor). Never secret values: use secrets.",
                         of: EnvVar.schema, mapKeys: ["name"], maxItems: 256),
            .configFrom: .array("ConfigMaps whose keys become environment variables, or are mounted as files.",
                                of: ConfigSource.schema, maxItems: 32),
            .secrets: .array("References to Secrets: single keys as variables, whole Secrets as variables, or mounted files. Values never appear here.",
                             of: SecretReference.schema, maxItems: 64),
            .resources: Resources.schema,
            .probes: Probes.schema,
            .autoscaling: Autoscaling.schema,
            .availability: Availability.schema,
            .shutdown: Shutdown.schema,
            .dependsOn: .array("What this service calls. Egress is allowed only to these; each Microservice named here admits ingress from this one.",
                               of: Dependency.schema, maxItems: 64),
            .ingress: IngressPolicy.schema,
            .observability: Observability.schema,
            .security: Security.schema,
            .serviceAccount: ServiceAccountSpec.schema,
            .imagePullSecrets: .array("Names of Secrets holding registry credentials.", of: .string("A Secret name.", format: .dnsSubdomain), set: true),
            .checklist: ChecklistSettings.schema,
            .slo: ServiceLevel.schema,
            .mesh: Mesh.schema,
            .adopt: .boolean("Take over existing objects of the same names (Deployment, Service, HPA, PDB, NetworkPolicy, ServiceAccount) that Shipshape does not own, without downtime: the Deployment keeps its selector, the Service its clusterIP. When false, such objects are reported as a Conflict condition and left untouched.", default: false),
        ])
}
