import KubeModel
import ShipshapeAPI

/// Judges AdmissionReviews with the production checklist. Pure: the HTTPS server calls it.
///
/// - Microservices (`/validate-microservice`): judged in their own `spec.checklist.mode`.
///   `enforce` denies new error findings in one message with a fix for each; `warn` allows
///   and returns every finding as a warning, which kubectl prints.
/// - Workloads (`/validate-workload`, only for namespaces labelled `shipshape.dev/checklist`):
///   Deployments, StatefulSets, DaemonSets, Jobs and CronJobs, in the mode of the endpoint.
/// - Updates are ratcheted: a violation the old object already had becomes a warning, so an
///   emergency edit is never blocked by old debt. DELETE and unknown kinds are allowed.
public struct AdmissionHandler: Sendable {
    public let checklist: any AdmissionChecklist

    public init(checklist: any AdmissionChecklist) { self.checklist = checklist }

    static let workloadKinds: Set<String> = ["apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "batch/Job", "batch/CronJob"]

    /// Reviews a Microservice request.
    public func reviewMicroservice(_ request: AdmissionRequest) throws(AdmissionError) -> AdmissionResponse {
        guard ["CREATE", "UPDATE"].contains(request.operation),
              request.group == Microservice.group, request.kind == Microservice.kind
        else { return .allow(request.uid) }
        guard let object = request.object else { throw .badRequest("request.object is required for \(request.operation)") }

        let microservice: Microservice
        do {
            microservice = try MicroserviceReader.read(SourceObject(value: object, origin: .unlocated("request")))
        } catch {
            let lines = error.issues.map { "- \($0)" }.joined(separator: "\n")
            return .deny(request.uid, code: 422, message: "Microservice \(error.object) is invalid:\n\(lines)")
        }
        let old = request.oldObject.flatMap { try? MicroserviceReader.read(SourceObject(value: $0, origin: .unlocated("request"))) }
        let findings = checklist.findings(for: microservice)
        let previous = old.map { checklist.findings(for: $0) } ?? []
        return judge(uid: request.uid, object: "Microservice \(microservice.key)", findings: findings, previous: previous,
                     mode: microservice.spec.checklist?.mode ?? .enforce,
                     escape: "Exempt a rule in spec.checklist.exemptions (with a reason), or set spec.checklist.mode: warn.")
    }

    /// Reviews a workload request for a namespace whose checklist mode is `mode`.
    public func reviewWorkload(_ request: AdmissionRequest, mode: ChecklistMode) throws(AdmissionError) -> AdmissionResponse {
        guard ["CREATE", "UPDATE"].contains(request.operation),
              Self.workloadKinds.contains("\(request.group)/\(request.kind)")
        else { return .allow(request.uid) }
        guard let object = request.object else { throw .badRequest("request.object is required for \(request.operation)") }
        let name = "\(request.kind) \(request.namespace.map { "\($0)/" } ?? "")\(object["metadata"]?["name"]?.stringValue ?? request.name ?? "")"
        return judge(uid: request.uid, object: name, findings: checklist.findings(forWorkload: object),
                     previous: request.oldObject.map { checklist.findings(forWorkload: $0) } ?? [], mode: mode,
                     escape: "Exempt a rule with the annotations shipshape.dev/exempt and shipshape.dev/exempt-reason.")
    }

    private func judge(uid: String, object: String, findings: [AdmissionFinding], previous: [AdmissionFinding],
                       mode: ChecklistMode, escape: String) -> AdmissionResponse {
        let existing = Set(previous.map(\.ratchetKey))
        let blocking = findings.filter { $0.severity == .error && !existing.contains($0.ratchetKey) }
        let warnings = findings.filter { !(mode == .enforce && blocking.contains($0)) }.map { finding in
            let debt = finding.severity == .error && existing.contains(finding.ratchetKey) ? " (already present before this update)" : ""
            return "[\(finding.rule)] \(finding.message)\(debt)"
        }
        guard mode == .enforce, !blocking.isEmpty else { return .allow(uid, warnings: warnings) }
        let count = blocking.count == 1 ? "1 checklist rule" : "\(blocking.count) checklist rules"
        var message = "\(object) breaks \(count) (mode enforce):"
        for finding in blocking {
            message += "\n- \(finding.rule): \(finding.message). Fix: \(finding.remediation)"
        }
        message += "\n" + escape
        return .deny(uid, message: message, warnings: warnings)
    }
}
