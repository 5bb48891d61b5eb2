/// What a report's summary counts, added up object by object as they are judged, so a report
/// can be written before the whole result exists.
public struct ReportTotals: Sendable, Hashable {
    /// Objects judged.
    public private(set) var objects = 0
    /// Failed findings by severity.
    public private(set) var errors = 0, warnings = 0
    /// Rules exempted and passed, over every object.
    public private(set) var exempted = 0, passed = 0
    /// Rule results (a JUnit test case each) and the failed ones among them.
    private(set) var results = 0, failedResults = 0
    /// Pass/fail/exempt counts per rule id.
    private(set) var ruleCounts: [String: AuditResult.RuleCounts] = [:]
    /// The score's weights (see `ObjectReport.score`): of the rules passed, of the rules that counted.
    private var passedWeight = 0, totalWeight = 0

    public init() {}

    /// Counts one more judged object.
    public mutating func add(_ report: ObjectReport) {
        objects += 1
        for result in report.results {
            results += 1
            let weight = result.severity == .error ? 3 : 1
            switch result.outcome {
            case .passed:
                passed += 1
                passedWeight += weight
                totalWeight += weight
                ruleCounts[result.rule, default: .init()].passed += 1
            case .failed:
                failedResults += 1
                totalWeight += weight
                ruleCounts[result.rule, default: .init()].failed += 1
                for finding in result.findings {
                    if finding.severity == .error { errors += 1 } else { warnings += 1 }
                }
            case .exempted:
                exempted += 1
                ruleCounts[result.rule, default: .init()].exempted += 1
            }
        }
    }

    /// The score over every object's results together, 0-100.
    public var score: Int { totalWeight == 0 ? 100 : passedWeight * 100 / totalWeight }

    /// The process exit status, as `AuditResult.exitStatus(failOn:)`: 2 with `invalidInput`;
    /// else 1 when a failed finding is at or above `threshold`, else 0.
    public func exitStatus(failOn threshold: Severity?, invalidInput: Bool) -> Int32 {
        if invalidInput { return 2 }
        guard let threshold else { return 0 }
        return errors > 0 || (threshold == .warning && warnings > 0) ? 1 : 0
    }
}
