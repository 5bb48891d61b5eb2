import ShipshapeAPI

/// Istio identities: a workload's ServiceAccount as a SPIFFE principal.
enum MeshIdentity {
    /// Whether the Microservice requires mTLS: `mesh.mtls: strict`, or the cluster-wide default
    /// unless it says `disabled`.
    static func requiresMTLS(_ spec: MicroserviceSpec, options: ExtensionOptions) -> Bool {
        switch spec.mesh?.mtls {
        case .strict?: return true
        case .disabled?: return false
        case nil: return options.meshMTLSByDefault
        }
    }

    /// `cluster.local/ns/<namespace>/sa/<account>` for the pods of `microservice`; they run as
    /// the namespace's `default` account when none is created or named.
    static func principal(of microservice: Microservice, trustDomain: String) -> String {
        let account = microservice.spec.serviceAccount
        let name = account?.name ?? (account?.create ?? true ? microservice.name : "default")
        return "\(trustDomain)/ns/\(microservice.namespace)/sa/\(name)"
    }
}
