import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let mtlsEnforced = RuleDefinition(
        rule: Rule(
            id: "mtls-enforced", category: .network, defaultSeverity: .warning,
            title: "Where a service mesh runs, workloads accept only mutual-TLS traffic (Istio STRICT)",
            remediation: "Set spec.mesh.mtls: strict in the Microservice (or run the operator with --mesh-mtls strict); for other workloads, a PeerAuthentication with mtls.mode STRICT for them, their namespace or the mesh (istio-system).",
            pss: nil,
            failingExample: "kind: PeerAuthentication\nspec:\n  mtls: { mode: PERMISSIVE }",
            passingExample: "kind: PeerAuthentication\nspec:\n  mtls: { mode: STRICT }"),
        // Off unless the mesh is detected (the cluster serves security.istio.io, or the input
        // holds PeerAuthentications) or mTLS is asked for (flag, or spec.mesh).
        workload: { subject in
            let workload = subject.workload
            guard workload.kind.isLongRunning, subject.meshApplies else { return .notApplicable }
            guard let policy = subject.inventory.peerAuthentication(for: workload) else {
                return .fail(Violation(workload.podLabelsPath, "match no PeerAuthentication with mtls.mode STRICT (workload, namespace or mesh-wide)"))
            }
            let mode = policy.spec["mtls"]?["mode"]?.stringValue ?? "UNSET"
            return mode == "STRICT" ? .pass
                : .fail(Violation(FieldPath.root.key("spec").key("mtls").key("mode"), "is \(mode), not STRICT", in: policy.ref))
        },
        microservice: { subject in
            let mtls = subject.spec.mesh?.mtls
            guard subject.meshDetected || subject.meshMTLSByDefault || subject.spec.mesh != nil else { return .notApplicable }
            let path = MicroserviceSubject.spec.key("mesh").key("mtls")
            switch mtls {
            case .strict?: return .pass
            case .disabled?: return .fail(Violation(path, "is disabled"))
            case nil:
                if subject.meshMTLSByDefault { return .pass }
                return .fail(Violation(path, subject.meshDetected ? "is not set, and the cluster runs Istio" : "is not set"))
            }
        })
}
