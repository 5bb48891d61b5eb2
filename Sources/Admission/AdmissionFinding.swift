import KubeModel
import ShipshapeAPI

/// A checklist finding as admission needs it: enough to deny with advice and to ratchet.
public struct AdmissionFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let rule: String
    public let severity: Severity
    /// The field at fault, as the user wrote it (`spec.resources.requests.cpu`).
    public let path: String
    /// What is wrong, naming the field (`spec.resources.requests.cpu is not set`).
    public let message: String
    public let remediation: String

    public init(rule: String, severity: Severity, path: String, message: String, remediation: String) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.message = message
        self.remediation = remediation
    }

    /// What makes two findings "the same violation" across an update: rule and field.
    var ratchetKey: String { rule + "@" + path }
}

/// The checklist as admission uses it. Exempted rules must not be returned.
public protocol AdmissionChecklist: Sendable {
    /// Findings for a Microservice, in Microservice terms.
    func findings(for microservice: Microservice) -> [AdmissionFinding]
    /// Findings for a workload object (Deployment, StatefulSet, DaemonSet, Job, CronJob).
    func findings(forWorkload object: JSONValue) -> [AdmissionFinding]
}
