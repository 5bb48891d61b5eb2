import Foundation
import KubeModel
import ShipshapeAPI

/// Computes a Microservice's status from what the reconcile saw. Pure: the caller passes `now`.
///
/// Conditions follow metav1.Condition conventions: `lastTransitionTime` changes only when a
/// condition's status changes, so a steady state produces an identical status (and no write).
public struct StatusBuilder: Sendable {
    /// What the reconcile observed and decided.
    public struct Observation: Sendable {
        public var generation: Int
        /// The Deployment's `status`, if it exists yet.
        public var deploymentStatus: JSONValue?
        /// The Deployment's `metadata.generation`.
        public var deploymentGeneration: Int?
        public var checklist: ChecklistStatus
        /// True when enforce mode kept error findings from being applied.
        public var blockedByChecklist: Bool
        /// Why applying children failed, if it did.
        public var applyError: String?
        /// What makes the spec invalid (checks its CRD schema cannot express), if anything; nothing is applied.
        public var invalidSpec: String?
        /// `dependsOn` entries naming a Microservice or port that is not known, as `path: message`.
        public var unresolvedDependencies: [String]
        /// Existing objects named like its children that it may not take over; nothing is applied.
        public var conflicts: [String]
        public var children: [ChildReference]
        /// Extension objects left out, for the `ExtensionsServed` condition.
        public var extensions: ExtensionReport

        public init(generation: Int, deploymentStatus: JSONValue?, deploymentGeneration: Int?, checklist: ChecklistStatus,
                    blockedByChecklist: Bool, applyError: String?, invalidSpec: String? = nil,
                    unresolvedDependencies: [String] = [], conflicts: [String] = [], children: [ChildReference],
                    extensions: ExtensionReport = ExtensionReport()) {
            self.generation = generation
            self.deploymentStatus = deploymentStatus
            self.deploymentGeneration = deploymentGeneration
            self.checklist = checklist
            self.blockedByChecklist = blockedByChecklist
            self.applyError = applyError
            self.invalidSpec = invalidSpec
            self.unresolvedDependencies = unresolvedDependencies
            self.conflicts = conflicts
            self.children = children
            self.extensions = extensions
        }
    }

    public init() {}

    public func status(previous: MicroserviceStatus?, observation: Observation, now: Date) -> MicroserviceStatus {
        let deployment = observation.deploymentStatus
        let replicas = deployment?["replicas"]?.intValue ?? 0
        let ready = deployment?["readyReplicas"]?.intValue ?? 0
        let updated = deployment?["updatedReplicas"]?.intValue ?? 0
        let observedByDeployment = deployment?["observedGeneration"]?.intValue ?? -1
        let available = condition("Available", in: deployment)?["status"]?.stringValue == "True"
        let progressing = condition("Progressing", in: deployment)
        let deadlineExceeded = progressing?["reason"]?.stringValue == "ProgressDeadlineExceeded"
        let replicaFailure = condition("ReplicaFailure", in: deployment)
        let rolledOut = deployment != nil && observedByDeployment >= (observation.deploymentGeneration ?? 0)
            && updated >= replicas && ready >= replicas

        var conditions: [Condition] = []
        func set(_ type: String, _ status: Bool, _ reason: String, _ message: String) {
            let value = status ? "True" : "False"
            let old = previous?.conditions?.first { $0.type == type }
            let time = old?.status == value ? (old?.lastTransitionTime ?? Self.timestamp(now)) : Self.timestamp(now)
            conditions.append(Condition(type: type, status: value, observedGeneration: observation.generation,
                                        lastTransitionTime: time, reason: reason, message: message))
        }

        if let invalid = observation.invalidSpec {
            set("Ready", false, "InvalidSpec", invalid)
        } else if !observation.conflicts.isEmpty {
            set("Ready", false, "Conflict", observation.conflicts.joined(separator: "; "))
        } else if let error = observation.applyError {
            set("Ready", false, "ApplyFailed", error)
        } else if observation.blockedByChecklist {
            set("Ready", false, "ChecklistBlocked", "error findings keep this spec from being applied (checklist mode enforce)")
        } else if deployment == nil {
            set("Ready", false, "Pending", "the Deployment has not reported status yet")
        } else if available && rolledOut {
            set("Ready", true, "Available", "\(ready)/\(replicas) replicas ready")
        } else {
            set("Ready", false, available ? "RollingOut" : "Unavailable", "\(ready)/\(replicas) replicas ready")
        }

        let converging = observation.applyError == nil && observation.invalidSpec == nil && !observation.blockedByChecklist
            && observation.conflicts.isEmpty && !rolledOut
        set("Progressing", converging && !deadlineExceeded, converging ? "RollingOut" : "Stable",
            converging ? "\(updated)/\(replicas) replicas updated, \(ready) ready" : "nothing to roll out")

        if let invalid = observation.invalidSpec {
            set("Degraded", true, "InvalidSpec", invalid)
        } else if deadlineExceeded {
            set("Degraded", true, "ProgressDeadlineExceeded", progressing?["message"]?.stringValue ?? "the rollout stalled")
        } else if let replicaFailure, replicaFailure["status"]?.stringValue == "True" {
            set("Degraded", true, replicaFailure["reason"]?.stringValue ?? "ReplicaFailure",
                replicaFailure["message"]?.stringValue ?? "pods cannot be created")
        } else if !observation.conflicts.isEmpty {
            set("Degraded", true, "Conflict", observation.conflicts.joined(separator: "; "))
        } else if let error = observation.applyError {
            set("Degraded", true, "ApplyFailed", error)
        } else {
            set("Degraded", false, "AsExpected", "no problems observed")
        }

        let checklist = observation.checklist
        let errors = checklist.findings?.filter { $0.severity == "error" }.count ?? 0
        set("ChecklistPassed", errors == 0, errors == 0 ? "Passed" : observation.blockedByChecklist ? "Blocked" : "ErrorFindings",
            checklist.summary ?? "\(checklist.passed) passed, \(checklist.failed) failed")

        let conflicts = observation.conflicts
        set("Conflict", !conflicts.isEmpty, conflicts.isEmpty ? "NoConflict" : "NotOwned",
            conflicts.isEmpty ? "no existing object of a child's name belongs to someone else" : conflicts.joined(separator: "; "))

        let unresolved = observation.unresolvedDependencies
        set("DependenciesResolved", unresolved.isEmpty, unresolved.isEmpty ? "Resolved" : "Unresolved",
            unresolved.isEmpty ? "every dependsOn names a known Microservice and port" : unresolved.joined(separator: "; "))

        let extensions = observation.extensions.condition
        set("ExtensionsServed", extensions.status, extensions.reason, extensions.message)

        var status = MicroserviceStatus()
        status.observedGeneration = observation.generation
        status.conditions = conditions
        status.replicas = replicas
        status.readyReplicas = ready
        status.checklist = checklist
        status.children = observation.children
        return status
    }

    private func condition(_ type: String, in status: JSONValue?) -> JSONValue? {
        status?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    /// RFC 3339 in UTC with seconds, as metav1.Time serializes.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
