/// JUnit XML for CI test tabs: a testsuite per object, a testcase per rule evaluated
/// (a failure for a failed rule, skipped for an exempted one); a testsuite `invalid input` with
/// an errored testcase per unreadable document, and `skipped` with a skipped testcase per object
/// not judged.
///
/// Written object by object (`ReportWriter`): the `testsuites` element carries the counts, so
/// its heading is written last.
struct JUnitReport {
    let sources: SourceLookup

    /// The XML declaration and the `testsuites` element with every count.
    func heading(_ result: AuditResult, totals: ReportTotals, skippedEntries skipped: Int) -> String {
        let tests = totals.results + result.invalidInputs.count + skipped
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"shipshape audit\""
            + counts(tests: tests, failures: totals.failedResults, errors: result.invalidInputs.count, skipped: totals.exempted + skipped) + ">\n"
    }

    /// The invalid input suite, the place of the skipped suite's `skippedEntries` test cases,
    /// and the end of the document.
    func ending(_ result: AuditResult, skippedEntries count: Int) -> ReportPart {
        let invalid = result.invalidInputs.isEmpty ? "" : invalidSuite(result)
        guard count > 0 else { return ReportPart(before: invalid, afterSkipped: "</testsuites>\n") }
        let suite = "  <testsuite name=\"skipped\" tests=\"\(count)\" failures=\"0\" errors=\"0\" skipped=\"\(count)\">\n"
        return ReportPart(before: invalid + suite, afterSkipped: "  </testsuite>\n</testsuites>\n")
    }

    private func counts(tests: Int, failures: Int, errors: Int = 0, skipped: Int) -> String {
        " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
    }

    private func counts(_ results: [RuleResult]) -> String {
        let failures = results.filter { $0.outcome == .failed }.count
        let skipped = results.filter { if case .exempted = $0.outcome { true } else { false } }.count
        return counts(tests: results.count, failures: failures, skipped: skipped)
    }

    /// One errored testcase per invalid document, named by its location.
    private func invalidSuite(_ result: AuditResult) -> String {
        let count = result.invalidInputs.count
        var xml = "  <testsuite name=\"invalid input\" tests=\"\(count)\" failures=\"0\" errors=\"\(count)\" skipped=\"0\">\n"
        for problem in result.invalidInputs {
            let location = Self.escape(problem.location)
            xml += "    <testcase name=\"\(location)\" classname=\"invalid input\" file=\"\(Self.escape(problem.file))\""
                + (problem.line.map { " line=\"\($0)\"" } ?? "") + ">\n"
            xml += "      <error message=\"\(Self.escape(problem.message))\" type=\"invalid-input\">\(Self.escape(problem.description))</error>\n"
            xml += "    </testcase>\n"
        }
        return xml + "  </testsuite>\n"
    }

    /// The skipped testcase of an object not judged, with the reason.
    func skippedCase(_ object: SkippedObject) -> String {
        let position = AuditResult.position(of: object.object, in: sources)
        let file = position.map { " file=\"\(Self.escape($0.file))\"" + ($0.line.map { " line=\"\($0)\"" } ?? "") } ?? ""
        return "    <testcase name=\"\(Self.escape(AuditResult.label(object)))\" classname=\"skipped\"\(file)>\n"
            + "      <skipped message=\"\(Self.escape(object.reason))\"/>\n"
            + "    </testcase>\n"
    }

    /// One object's testsuite.
    func suite(_ report: ObjectReport) -> String {
        let name = Self.escape(report.object.description)
        let file = AuditResult.position(of: report.object, in: sources).map { " file=\"\(Self.escape($0.file))\"" } ?? ""
        var xml = "  <testsuite name=\"\(name)\"\(counts(report.results))\(file)>\n"
        for ruleResult in report.results {
            xml += "    <testcase name=\"\(Self.escape(ruleResult.rule))\" classname=\"\(name)\""
            switch ruleResult.outcome {
            case .passed:
                xml += "/>\n"
                continue
            case .exempted(let reason):
                xml += ">\n      <skipped message=\"\(Self.escape("exempted: \(reason)"))\"/>\n"
            case .failed:
                let details = ruleResult.findings.map { finding in
                    (AuditResult.position(of: finding, in: sources).map { "\($0.description): " } ?? "") + finding.message
                } + ["fix: " + (ruleResult.findings.first?.remediation ?? "")]
                xml += ">\n      <failure message=\"\(Self.escape(ruleResult.findings.first?.message ?? ""))\""
                    + " type=\"\(ruleResult.severity.rawValue)\">\(Self.escape(details.joined(separator: "\n")))</failure>\n"
            }
            xml += "    </testcase>\n"
        }
        return xml + "  </testsuite>\n"
    }

    /// Escaped for XML text and attribute values; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let allowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
