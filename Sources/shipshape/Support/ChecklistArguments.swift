import ArgumentParser
import Checklist

/// The checklist selection options shared by `audit` and `render`.
struct ChecklistArguments: ParsableArguments {
    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case pssBaseline = "pss-baseline"
        case pssRestricted = "pss-restricted"

        var level: PSSLevel { self == .pssBaseline ? .baseline : .restricted }
    }

    @Option(help: "Only the Pod Security Standards' controls at this level: pss-baseline or pss-restricted.")
    var profile: Profile?

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var rules: [String] = []

    @Option(name: .customLong("skip-rule"), help: "Never run this rule (repeatable).")
    var skippedRules: [String] = []

    @Option(help: "Report findings at or above this severity: warning or error.")
    var minSeverity: Severity = .warning

    var options: ChecklistOptions {
        ChecklistOptions(profile: profile?.level, rules: Set(rules), skippedRules: Set(skippedRules), minimumSeverity: minSeverity)
    }

    func validate() throws {
        let unknown = options.unknownRuleIDs
        guard unknown.isEmpty else {
            throw ValidationError("unknown rule \(unknown.joined(separator: ", ")); `shipshape rules` lists them")
        }
    }
}

extension Severity: ExpressibleByArgument {}
