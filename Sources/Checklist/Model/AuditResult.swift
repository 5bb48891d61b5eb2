/// The checklist's verdict on a set of objects: one report per judged object, plus what was skipped.
public struct AuditResult: Sendable, Hashable {
    public var reports: [ObjectReport]
    /// Kinds that are neither workloads nor context (ConfigMap, Ingress, ...), with how many were seen.
    public var skippedKinds: [String: Int]
    /// Each object not judged, with the reason, in input order.
    public var skipped: [SkippedObject]
    /// Documents that could not be read or judged (set by the caller that read them).
    public var invalidInputs: [InputProblem]

    public init(reports: [ObjectReport], skippedKinds: [String: Int] = [:], skipped: [SkippedObject] = [],
                invalidInputs: [InputProblem] = []) {
        self.reports = reports
        self.skippedKinds = skippedKinds
        self.skipped = skipped
        self.invalidInputs = invalidInputs
    }

    /// Pass/fail/exempt counts of one rule across all objects.
    public struct RuleCounts: Sendable, Hashable {
        public var passed = 0, failed = 0, exempted = 0
    }

    /// Counts per rule id, for every rule evaluated at least once.
    public var ruleCounts: [String: RuleCounts] {
        var counts: [String: RuleCounts] = [:]
        for result in reports.flatMap(\.results) {
            switch result.outcome {
            case .passed: counts[result.rule, default: .init()].passed += 1
            case .failed: counts[result.rule, default: .init()].failed += 1
            case .exempted: counts[result.rule, default: .init()].exempted += 1
            }
        }
        return counts
    }

    /// Every failed finding, object by object.
    public var findings: [Finding] { reports.flatMap(\.findings) }

    /// Failed findings of a severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The score over every object's results together (see `ObjectReport.score`).
    public var score: Int { ObjectReport.score(reports.flatMap(\.results)) }

    /// The process exit status: 2 when some input was invalid; else, for `--fail-on`, 1 when a
    /// failed finding is at or above the threshold, else 0 (`nil`, `--fail-on none`, never fails).
    public func exitStatus(failOn threshold: Severity?) -> Int32 {
        if !invalidInputs.isEmpty { return 2 }
        guard let threshold else { return 0 }
        return findings.contains { $0.severity >= threshold } ? 1 : 0
    }
}
