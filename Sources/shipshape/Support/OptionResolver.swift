import ArgumentParser

/// Resolves the options of the long-running commands (`run`, `webhook`): the command line wins,
/// then the environment variable `SHIPSHAPE_<FLAG>` (`--lease-name` reads
/// `SHIPSHAPE_LEASE_NAME`; an empty variable counts as unset), then the default.
///
/// Every problem is collected, each naming its flag (and the variable when the value came from
/// there), and thrown together as one usage error (exit 2) from `validate()`.
struct OptionResolver {
    let environment: [String: String]
    private(set) var problems: [String] = []

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// The variable `flag` (a long name without dashes, such as `lease-name`) falls back to.
    static func variable(_ flag: String) -> String {
        "SHIPSHAPE_" + flag.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Help naming the default and the variable, as `--help` shows them:
    /// `Reconciles running at once (default: 4; env: SHIPSHAPE_CONCURRENCY).`
    static func help(_ abstract: String, flag: String, default fallback: String? = nil) -> ArgumentHelp {
        let defaultText = fallback.map { "default: \($0); " } ?? ""
        return ArgumentHelp("\(abstract) (\(defaultText)env: \(variable(flag))).")
    }

    /// The variable's value for `flag`; nil when unset or empty.
    func environmentText(_ flag: String) -> String? {
        environment[Self.variable(flag)].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The flag's text, else the variable's.
    func text(_ flag: String, _ given: String?) -> String? {
        given ?? environmentText(flag)
    }

    /// How a problem names where a value came from: `--flag`, or `SHIPSHAPE_FLAG (--flag)`.
    func source(_ flag: String, fromEnvironment: Bool) -> String {
        fromEnvironment ? "\(Self.variable(flag)) (--\(flag))" : "--\(flag)"
    }

    /// A text option converted by `parse`, from the flag or else the variable; nil when neither
    /// is set, or when the value is not `expected` (recorded as a problem).
    mutating func parsed<Value>(_ flag: String, _ given: String?, expected: String, _ parse: (String) -> Value?) -> Value? {
        guard let text = text(flag, given) else { return nil }
        if let value = parse(text) { return value }
        problems.append("\(source(flag, fromEnvironment: given == nil)) must be \(expected), not \"\(text)\"")
        return nil
    }

    /// A typed option (already parsed by ArgumentParser when given on the command line) that
    /// must satisfy `isValid`; the variable is converted by `parse`. nil when neither is set or
    /// the value is not `expected` (recorded as a problem).
    mutating func value<Value>(_ flag: String, _ given: Value?, expected: String, parse: (String) -> Value?,
                               isValid: (Value) -> Bool = { _ in true }) -> Value? {
        if let given {
            if isValid(given) { return given }
            problems.append("--\(flag) must be \(expected), not \(given)")
            return nil
        }
        return parsed(flag, nil, expected: expected) { text in parse(text).flatMap { isValid($0) ? $0 : nil } }
    }

    /// A switch (`--leader-elect`/`--no-leader-elect`); the variable takes true/false, 1/0,
    /// yes/no or on/off.
    mutating func boolean(_ flag: String, _ given: Bool?) -> Bool? {
        value(flag, given, expected: "true or false", parse: { text in
            switch text.lowercased() {
            case "true", "1", "yes", "on": true
            case "false", "0", "no", "off": false
            default: nil
            }
        })
    }

    /// Records a problem that is not about one value (flags that go together).
    mutating func problem(_ message: String) {
        problems.append(message)
    }

    /// Throws every recorded problem as one usage error, `command`-prefixed, one a line.
    func check(_ command: String) throws(ValidationError) {
        guard !problems.isEmpty else { return }
        throw ValidationError(problems.map { "shipshape \(command): \($0)" }.joined(separator: "\n"))
    }
}
