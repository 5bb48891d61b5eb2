import Checklist
import KubeModel
import ShipshapeAPI

/// The production checklist, as admission judges with it: failed findings only (exempted
/// rules are allowed through), in the object's own terms.
extension Checklist: AdmissionChecklist {
    public func findings(for microservice: Microservice) -> [AdmissionFinding] {
        check(microservice).findings.compactMap(Self.admission)
    }

    public func findings(forWorkload object: JSONValue) -> [AdmissionFinding] {
        check(objects: [object]).findings.compactMap(Self.admission)
    }

    private static func admission(_ finding: Finding) -> AdmissionFinding? {
        guard !finding.isExempted else { return nil }
        return AdmissionFinding(
            rule: finding.rule, severity: finding.severity == .error ? .error : .warning,
            path: finding.path.indexOnly.description, message: finding.message, remediation: finding.remediation)
    }
}
