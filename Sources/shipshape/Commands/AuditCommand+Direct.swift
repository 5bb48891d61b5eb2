import Checklist

/// `shipshape audit` of files, parsed without ArgumentParser: the command CI runs most, whose
/// start-up ArgumentParser's reflection would dominate (it reflects on every option's property
/// wrapper, and each first cast looks through the binary's protocol conformance records).
///
/// It takes only a plain command line: paths (or `-`) with `-o`/`--output`, `--fail-on`,
/// `--strict-input`, `--profile`, `--rule`, `--skip-rule` and `--min-severity`, each as
/// `--flag value` or `--flag=value`, with a valid value, single-value options at most once and
/// known rules. Anything else (help, a cluster option, `--`, an unknown or repeated option, a bad
/// value, no path) makes it decline, and ArgumentParser parses or refuses the whole command line
/// as always: one grammar, one set of messages and exit codes. A test holds it to ArgumentParser.
struct DirectAudit: Equatable {
    var paths: [String] = []
    var output: ReportFormat = .table
    var failOn: AuditCommand.FailOn = .error
    var strictInput = false
    var profile: ChecklistArguments.Profile?
    var rules: [String] = []
    var skippedRules: [String] = []
    var minSeverity: Severity = .warning

    /// Parses `arguments` (the command line after the program's name), or nil to leave it to
    /// ArgumentParser.
    init?(_ arguments: [String]) {
        guard arguments.first == "audit" else { return nil }
        var given: Set<String> = []
        var remaining = arguments.dropFirst()
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-"), argument != "-" else {
                guard argument != "help" else { return nil }
                paths.append(argument)
                continue
            }
            let name: Substring, inline: Substring?
            if let equals = argument.firstIndex(of: "=") {
                (name, inline) = (argument[..<equals], argument[argument.index(after: equals)...])
            } else {
                (name, inline) = (argument[...], nil)
            }
            if name == "--strict-input" {
                guard inline == nil, given.insert("--strict-input").inserted else { return nil }
                strictInput = true
                continue
            }
            guard let value = inline.map(String.init) ?? remaining.popFirst(), !value.hasPrefix("-") else { return nil }
            switch name {
            case "-o", "--output":
                guard inline == nil || name == "--output", given.insert("--output").inserted,
                      let format = ReportFormat(rawValue: value) else { return nil }
                output = format
            case "--fail-on":
                guard given.insert("--fail-on").inserted, let threshold = AuditCommand.FailOn(rawValue: value) else { return nil }
                failOn = threshold
            case "--profile":
                guard given.insert("--profile").inserted, let level = ChecklistArguments.Profile(rawValue: value) else { return nil }
                profile = level
            case "--min-severity":
                guard given.insert("--min-severity").inserted, let severity = Severity(rawValue: value) else { return nil }
                minSeverity = severity
            case "--rule": rules.append(value)
            case "--skip-rule": skippedRules.append(value)
            default: return nil
            }
        }
        guard !paths.isEmpty, options.unknownRuleIDs.isEmpty else { return nil }
    }

    /// The checklist selection, as `ChecklistArguments` makes it.
    var options: ChecklistOptions {
        ChecklistOptions(profile: profile?.level, rules: Set(rules), skippedRules: Set(skippedRules), minimumSeverity: minSeverity)
    }

    /// Audits the files as `AuditCommand.run()` does.
    func run() throws(CLIError) {
        try AuditCommand.auditFiles(paths, checklist: Checklist(options: options), strict: strictInput, as: output, failOn: failOn)
    }
}
