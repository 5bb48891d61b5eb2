/// The replay's printed report: agreement per area, each disagreement, and both lists.
struct ReplayReport {
    let results: [CaseResult]

    init(_ results: [CaseResult]) { self.results = results }

    var text: String {
        var lines = ["== KubeReplay: \(results.filter(\.agrees).count)/\(results.count) cases agree"]
        var areas: [String] = []
        for result in results where !areas.contains(result.replayCase.area) { areas.append(result.replayCase.area) }
        for area in areas {
            let inArea = results.filter { $0.replayCase.area == area }
            lines.append("  \(area): \(inArea.filter(\.agrees).count)/\(inArea.count)")
        }
        lines.append("== disagreements")
        for result in results where !result.agrees {
            let id = result.replayCase.id
            let tag = ReplayExpectations.quirks[id] != nil ? "quirk" : ReplayExpectations.notYetFaithful[id] != nil ? "not yet" : "NEW"
            lines.append("- [\(tag)] \(id): \(Self.describe(result))")
        }
        lines.append("== quirks (\(ReplayExpectations.quirks.count))")
        lines += ReplayExpectations.quirks.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        lines.append("== notYetFaithful (\(ReplayExpectations.notYetFaithful.count))")
        lines += ReplayExpectations.notYetFaithful.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        return lines.joined(separator: "\n")
    }

    /// The first differing paths (real vs sandbox) and, for Status answers, both messages.
    static func describe(_ result: CaseResult) -> String {
        if let reason = result.notReplayed { return reason }
        var parts = result.differences.prefix(4).map { "\($0.path): real \(clip($0.real)) vs sandbox \(clip($0.sandbox))" }
        if result.differences.count > 4 { parts.append("(+\(result.differences.count - 4) more)") }
        if result.realMessage != nil || result.sandboxMessage != nil {
            parts.append("messages: real \"\(result.realMessage ?? "-")\" vs sandbox \"\(result.sandboxMessage ?? "-")\"")
        }
        return parts.joined(separator: "; ")
    }

    private static func clip(_ text: String) -> String { text.count > 160 ? text.prefix(160) + "…" : text }
}
