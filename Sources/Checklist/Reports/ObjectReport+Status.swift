import ShipshapeAPI

extension ObjectReport {
    /// The verdict as a Microservice's `status.checklist`: counts, a one-line summary
    /// (`31/31 passed`, `2 errors, 1 warning`) and at most 100 failed findings.
    public var checklistStatus: ChecklistStatus {
        let errors = count(.error), warnings = count(.warning)
        let summary = findings.isEmpty
            ? "\(passed.count)/\(passed.count + failed.count) passed"
            : [errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil,
               warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil].compactMap { $0 }.joined(separator: ", ")
        return ChecklistStatus(
            summary: summary, passed: passed.count, failed: failed.count, exempted: exempted.count,
            findings: findings.prefix(100).map {
                FindingStatus(rule: $0.rule, severity: $0.severity.rawValue, path: $0.path.description, message: $0.message)
            })
    }
}
