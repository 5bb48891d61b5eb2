/// What one rule concluded about one object.
public struct RuleResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case passed, failed
        case exempted(reason: String)
    }

    public var rule: String
    public var outcome: Outcome
    /// The failures (status `.failed`), or for an exempted rule what it would have reported
    /// (status `.exempted`); empty when passed.
    public var findings: [Finding]

    /// The severity that counts for this result: the worst finding's, else the rule's default.
    public var severity: Severity {
        findings.map(\.severity).max() ?? Catalogue.rule(rule)?.defaultSeverity ?? .warning
    }
}

/// The checklist's verdict on one object: every rule that applied to it.
public struct ObjectReport: Sendable, Hashable {
    public var object: ObjectRef
    /// In catalogue order. Rules that do not apply to the object are absent.
    public var results: [RuleResult]

    public init(object: ObjectRef, results: [RuleResult]) {
        self.object = object
        self.results = results
    }

    /// Failed findings, in catalogue order.
    public var findings: [Finding] { results.filter { $0.outcome == .failed }.flatMap(\.findings) }
    /// Findings waived by exemptions.
    public var exemptedFindings: [Finding] { results.filter { $0.outcome != .failed }.flatMap(\.findings) }
    public var passed: [String] { results.filter { $0.outcome == .passed }.map(\.rule) }
    public var failed: [String] { results.filter { $0.outcome == .failed }.map(\.rule) }
    /// Exempted rule ids with their reasons.
    public var exempted: [(rule: String, reason: String)] {
        results.compactMap { result in
            if case .exempted(let reason) = result.outcome { return (result.rule, reason) }
            return nil
        }
    }

    /// 0-100: the share of applicable rules passed, errors weighing 3 and warnings 1;
    /// exempted rules do not count either way. 100 when nothing applied.
    public var score: Int { Self.score(results) }

    static func score(_ results: [RuleResult]) -> Int {
        var passed = 0, total = 0
        for result in results {
            let weight = result.severity == .error ? 3 : 1
            switch result.outcome {
            case .passed: passed += weight; total += weight
            case .failed: total += weight
            case .exempted: break
            }
        }
        return total == 0 ? 100 : passed * 100 / total
    }
}
