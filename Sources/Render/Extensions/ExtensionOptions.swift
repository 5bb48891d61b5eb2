/// What the renderer may produce beyond core Kubernetes, and the cluster-wide choices for it.
public struct ExtensionOptions: Sendable, Hashable {
    /// The extension kinds the cluster serves; the others are reported in `RenderOutput.unserved`.
    public var served: Set<ExtensionKind>
    /// Require mTLS for every Microservice that does not set `mesh.mtls: disabled`
    /// (`render --mesh-mtls strict`).
    public var meshMTLSByDefault: Bool
    /// The mesh's trust domain, the first part of every principal.
    public var trustDomain: String

    public init(served: Set<ExtensionKind> = [], meshMTLSByDefault: Bool = false, trustDomain: String = "cluster.local") {
        self.served = served
        self.meshMTLSByDefault = meshMTLSByDefault
        self.trustDomain = trustDomain
    }
}
