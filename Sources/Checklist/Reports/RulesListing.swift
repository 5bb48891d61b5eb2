/// Text for `shipshape rules` and `shipshape rules RULE`.
public enum RulesListing {
    /// One line per rule: id, category, severity, PSS level, title.
    public static func table(_ rules: [Rule] = Catalogue.rules) -> String {
        let idWidth = max(2, rules.map(\.id.count).max() ?? 0)
        let categoryWidth = RuleCategory.allCases.map(\.rawValue.count).max() ?? 0
        let header = ["ID".padding(to: idWidth), "CATEGORY".padding(to: categoryWidth), "SEVERITY", "PSS       ", "TITLE"]
        let rows = rules.map { rule in
            [rule.id.padding(to: idWidth), rule.category.rawValue.padding(to: categoryWidth),
             rule.defaultSeverity.rawValue.padding(to: 8), (rule.pss?.rawValue ?? "-").padding(to: 10), rule.title]
        }
        return ([header] + rows).map { $0.joined(separator: "  ") }.joined(separator: "\n") + "\n"
    }

    /// A rule explained, with a failing and a passing example.
    public static func explanation(of rule: Rule) -> String {
        let indent = { (yaml: String) in yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") }
        return """
            \(rule.id): \(rule.title)

              category   \(rule.category.rawValue)
              severity   \(rule.defaultSeverity.rawValue)
              PSS level  \(rule.pss.map { "\($0.rawValue)" + (rule.pss == .baseline && ["drop-capabilities", "seccomp"].contains(rule.id) ? " (stricter at restricted)" : "") } ?? "-")
              fix        \(rule.remediation)
              exempt     shipshape.dev/exempt: \(rule.id)  +  shipshape.dev/exempt-reason: "why"

            Fails:
            \(indent(rule.failingExample))

            Passes:
            \(indent(rule.passingExample))

            """
    }
}
