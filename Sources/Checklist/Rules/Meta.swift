import KubeModel

extension RuleDefinition {
    static let exemptionReason = meta(
        "exemption-reason", title: "Every exemption gives a reason",
        remediation: "Say why the rule is waived (a ticket, an owner): shipshape.dev/exempt-reason, or reason in spec.checklist.exemptions.",
        failing: "metadata:\n  annotations:\n    shipshape.dev/exempt: image-pinned",
        passing: "metadata:\n  annotations:\n    shipshape.dev/exempt: image-pinned\n    shipshape.dev/exempt-reason: \"vendor image, OPS-123\""
    ) { claims in
        claims.filter { !$0.hasReason }.map {
            Violation($0.path, "exempts \($0.rules.joined(separator: ", ")) without a reason, so it is ignored")
        }
    }

    static let exemptionKnownRule = meta(
        "exemption-known-rule", title: "Exemptions name rules that exist",
        remediation: "Use a rule id from `shipshape rules`; exemption rules themselves cannot be waived.",
        failing: "shipshape.dev/exempt: image-pined", passing: "shipshape.dev/exempt: image-pinned"
    ) { claims in
        claims.flatMap { claim in
            claim.rules.compactMap { id -> Violation? in
                guard let rule = Catalogue.rule(id) else { return Violation(claim.path, "names unknown rule \"\(id)\"") }
                return rule.category == .meta ? Violation(claim.path, "names \(id), which cannot be exempted") : nil
            }
        }
    }

    /// A rule about the exemptions themselves; not applicable when there are none.
    private static func meta(
        _ id: String, title: String, remediation: String, failing: String, passing: String,
        violations: @escaping @Sendable ([ExemptionClaim]) -> [Violation]
    ) -> RuleDefinition {
        let judge: @Sendable ([ExemptionClaim]) -> Verdict = { $0.isEmpty ? .notApplicable : .from(violations($0)) }
        return RuleDefinition(
            rule: Rule(id: id, category: .meta, defaultSeverity: .error, title: title, remediation: remediation,
                       pss: nil, failingExample: failing, passingExample: passing),
            workload: { judge($0.exemptions) },
            microservice: { judge($0.exemptions) })
    }
}
