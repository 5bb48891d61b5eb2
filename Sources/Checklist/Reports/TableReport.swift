/// The human report: findings grouped by object, a summary per object and overall; written
/// object by object (`ReportWriter`), every line ending in a newline.
struct TableReport {
    let sources: SourceLookup
    let color: Bool

    /// One object's lines and the blank line after them.
    func object(_ report: ObjectReport) -> String {
        (lines(for: report) + [""]).map { $0 + "\n" }.joined()
    }

    /// The invalid documents and the place of the `skippedEntries` skipped objects' lines under
    /// *Not judged*, then the summary line.
    func ending(_ unjudged: AuditResult, totals: ReportTotals, skippedEntries: Int) -> ReportPart {
        let listed = !unjudged.invalidInputs.isEmpty || skippedEntries > 0
        let invalid = unjudged.invalidInputs.map { "  " + paint("invalid".padding(to: 7), .red) + "  " + $0.description + "\n" }
        return ReportPart(before: listed ? paint("Not judged", .bold) + "\n" + invalid.joined() : "",
                          afterSkipped: (listed ? "\n" : "") + summary(unjudged, totals: totals) + "\n")
    }

    /// A skipped object's line under *Not judged*, with its location and reason.
    func skipped(_ object: SkippedObject) -> String {
        let location = AuditResult.position(of: object.object, in: sources).map { "\($0.description)  " } ?? ""
        return "  " + paint("skipped", .dim) + "  " + location + AuditResult.label(object) + ": " + object.reason + "\n"
    }

    private func lines(for report: ObjectReport) -> [String] {
        let position = AuditResult.position(of: report.object, in: sources).map { "  (\($0.description))" } ?? ""
        var lines = [paint("\(report.object)", .bold) + position + "  score \(report.score)"]
        let findings = report.allFindings
        let ruleWidth = findings.map(\.rule.count).max() ?? 0
        for finding in findings {
            let label: String, tone: Tone
            if case .exempted = finding.status { (label, tone) = ("exempt", .cyan) } else {
                (label, tone) = (finding.severity.rawValue, finding.severity == .error ? .red : .yellow)
            }
            let location = AuditResult.position(of: finding, in: sources).map { "  \($0.description)" } ?? ""
            var line = "  " + paint(label.padding(to: 7), tone) + "  " + finding.rule.padding(to: ruleWidth) + location + "  " + finding.message
            if case .exempted(let reason) = finding.status { line += paint("  (exempted: \(reason))", .dim) }
            lines.append(line)
            if !finding.isExempted { lines.append("  " + String(repeating: " ", count: 9 + ruleWidth) + paint("fix: \(finding.remediation)", .dim)) }
        }
        for (rule, reason) in report.exempted where !findings.contains(where: { $0.rule == rule }) {
            lines.append("  " + paint("exempt".padding(to: 7), .cyan) + "  " + rule.padding(to: ruleWidth) + paint("  (exempted: \(reason))", .dim))
        }
        lines.append("  " + counts(errors: report.count(.error), warnings: report.count(.warning),
                                   exempted: report.exempted.count, passed: report.passed.count))
        return lines
    }

    private func summary(_ result: AuditResult, totals: ReportTotals) -> String {
        var text = "\(totals.objects) object\(totals.objects == 1 ? "" : "s"): "
            + counts(errors: totals.errors, warnings: totals.warnings, exempted: totals.exempted, passed: totals.passed)
        if !result.invalidInputs.isEmpty {
            text += "; " + paint(plural(result.invalidInputs.count, "invalid document"), .red)
        }
        if !result.skippedKinds.isEmpty {
            text += "; skipped " + result.skippedKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return paint(text + "; score \(totals.score)", .bold)
    }

    private func counts(errors: Int, warnings: Int, exempted: Int, passed: Int) -> String {
        [paint(plural(errors, "error"), errors > 0 ? .red : .plain), paint(plural(warnings, "warning"), warnings > 0 ? .yellow : .plain),
         "\(exempted) exempted", paint("\(passed) passed", .green)].joined(separator: ", ")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private enum Tone: String {
        case plain = "", bold = "1", dim = "2", red = "31", yellow = "33", green = "32", cyan = "36"
    }

    private func paint(_ text: String, _ tone: Tone) -> String {
        color && tone != .plain ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
