import Checklist
import Render

/// The reconciler's view of the extension kinds: what the cluster serves (kept true by
/// `ExtensionWatch`) and the operator-wide choices (`run --mesh-mtls strict`).
public struct ExtensionSettings: Sendable {
    public var served: ServedExtensions
    /// Require mTLS for every Microservice that does not set `mesh.mtls: disabled`.
    public var meshMTLSByDefault: Bool

    public init(served: ServedExtensions = ServedExtensions(), meshMTLSByDefault: Bool = false) {
        self.served = served
        self.meshMTLSByDefault = meshMTLSByDefault
    }

    /// What the renderer may produce: the kinds the operator can use.
    func renderOptions(served kinds: Set<ExtensionKind>) -> ExtensionOptions {
        ExtensionOptions(served: kinds, meshMTLSByDefault: meshMTLSByDefault)
    }

    /// The checklist as the operator runs it: `mtls-enforced` applies where Istio's kinds are
    /// served or mTLS is required cluster-wide.
    func checklistOptions(_ state: ServedExtensions.State) -> ChecklistOptions {
        var options = ChecklistOptions()
        options.meshDetected = state.served.contains(.peerAuthentication)
        options.meshMTLSByDefault = meshMTLSByDefault
        return options
    }
}
