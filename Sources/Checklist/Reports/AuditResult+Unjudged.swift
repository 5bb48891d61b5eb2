import KubeModel

extension AuditResult {
    /// `Kind namespace/name` of a skipped object, `(no kind) name` without a kind.
    static func label(_ skipped: SkippedObject) -> String {
        skipped.object.kind.isEmpty ? "(no kind) \(skipped.object.name)" : skipped.object.description
    }
}
