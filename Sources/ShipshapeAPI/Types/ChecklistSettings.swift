import KubeModel

/// How the production checklist treats this Microservice.
public struct ChecklistSettings: Codable, Sendable, Hashable {
    public var mode: ChecklistMode?
    public var exemptions: [Exemption]?

    public enum CodingKeys: String, CodingKey, CaseIterable { case mode, exemptions }

    public init(mode: ChecklistMode? = nil, exemptions: [Exemption]? = nil) {
        self.mode = mode
        self.exemptions = exemptions
    }

    static let schema = Schema.object(
        "Checklist enforcement. enforce (default): error findings block admission and are not applied; warn: findings are reported only.",
        keys: CodingKeys.self,
        [
            .mode: .string("enforce or warn (default enforce).", enum: ChecklistMode.allCases.map(\.rawValue), default: "enforce"),
            .exemptions: .array("Rules waived for this Microservice, each with a reason; reported as exempted, not passed.",
                                of: Exemption.schema, mapKeys: ["rule"], maxItems: 64),
        ])
}

/// Whether error findings block (`enforce`) or are only reported (`warn`).
public enum ChecklistMode: String, Codable, Sendable, Hashable, CaseIterable {
    case enforce, warn
}

/// A waived checklist rule and why.
public struct Exemption: Codable, Sendable, Hashable {
    public var rule: String
    public var reason: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case rule, reason }

    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }

    static let schema = Schema.object(
        "A waived rule.", keys: CodingKeys.self, required: [.rule, .reason],
        [
            .rule: .string("Rule id, as `shipshape rules` lists them.", format: .ruleID),
            .reason: .string("Why it is waived (a ticket, an owner).", maxLength: 1024),
        ])
}
