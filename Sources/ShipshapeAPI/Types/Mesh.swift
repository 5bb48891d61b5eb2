import KubeModel

/// Service mesh settings (Istio).
public struct Mesh: Codable, Sendable, Hashable {
    public var mtls: MTLSMode?

    public enum CodingKeys: String, CodingKey, CaseIterable { case mtls }

    public init(mtls: MTLSMode? = nil) { self.mtls = mtls }

    static let schema = Schema.object(
        "Service mesh (Istio) settings, rendered where security.istio.io/v1 is served.", keys: CodingKeys.self,
        [
            .mtls: .string(
                "strict: a STRICT PeerAuthentication and an AuthorizationPolicy admitting only the ServiceAccounts of the Microservices that depend on this one (on the ports they call) and the declared ingress sources. disabled: none, even when mTLS is required cluster-wide (render --mesh-mtls strict).",
                enum: MTLSMode.allCases.map(\.rawValue)),
        ])
}

/// Whether the mesh requires mutual TLS for this workload.
public enum MTLSMode: String, Codable, Sendable, Hashable, CaseIterable {
    case strict, disabled
}
