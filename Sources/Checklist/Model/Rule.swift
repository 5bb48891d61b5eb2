/// How serious a failed rule is. Ordered: `.warning < .error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A Pod Security Standards level. Ordered: `.baseline < .restricted` (restricted includes baseline).
public enum PSSLevel: String, Sendable, Hashable, Comparable, CaseIterable {
    case baseline, restricted

    public static func < (lhs: PSSLevel, rhs: PSSLevel) -> Bool { lhs == .baseline && rhs == .restricted }
}

/// The area of the production checklist a rule belongs to.
public enum RuleCategory: String, Sendable, Hashable, CaseIterable {
    case resources, health, lifecycle, images
    case config = "config & secrets"
    case availability, network, security, identity, observability
    /// Rules about the input itself and the checklist's own configuration (schema, exemptions);
    /// they cannot be exempted.
    case meta
}

/// One entry of the production checklist.
public struct Rule: Sendable, Hashable, Identifiable {
    /// Stable slug (`cpu-request`), used in exemptions, `--rule` and reports.
    public let id: String
    public let category: RuleCategory
    /// The severity of a failure; a few rules escalate (readiness-probe is an error behind a Service).
    public let defaultSeverity: Severity
    /// One line saying what the rule requires.
    public let title: String
    /// One line saying how to fix a failure.
    public let remediation: String
    /// The lowest Pod Security Standards level with a control for this rule, if any.
    /// `drop-capabilities` and `seccomp` check more at restricted than at baseline.
    public let pss: PSSLevel?
    /// A short YAML snippet that fails the rule, for `shipshape rules RULE`.
    public let failingExample: String
    /// The same snippet fixed.
    public let passingExample: String
}
