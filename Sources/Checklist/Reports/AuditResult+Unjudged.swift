import KubeModel

extension AuditResult {
    /// Skipped objects that reports list one by one (those judged through an owner are only counted).
    var listedSkipped: [SkippedObject] { skipped.filter { !$0.judgedThroughOwner } }

    /// `Kind namespace/name` of a skipped object, `(no kind) name` without a kind.
    static func label(_ skipped: SkippedObject) -> String {
        skipped.object.kind.isEmpty ? "(no kind) \(skipped.object.name)" : skipped.object.description
    }
}
