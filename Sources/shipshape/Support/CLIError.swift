/// Failures the commands report: messages on standard error and the exit code of the scheme.
struct CLIError: Error, CustomStringConvertible {
    /// The process's exit status.
    let exitCode: ExitCode
    /// What went wrong, one line each; empty when already reported (a report's findings).
    let messages: [String]

    init(_ exitCode: ExitCode, _ messages: [String] = []) {
        self.exitCode = exitCode
        self.messages = messages
    }

    /// Input that cannot be read or is invalid (exit 2).
    static func invalidInput(_ messages: [String]) -> CLIError { CLIError(.invalidInput, messages) }
    /// Findings, differences or denials, already reported on standard output or error (exit 1).
    static let findings = CLIError(.findings)
    /// A failure while running: the cluster, the network, the file system (exit 3).
    static func failure(_ messages: [String]) -> CLIError { CLIError(.failure, messages) }
    /// A bug: the program's own invariants do not hold (exit 3).
    static func `internal`(_ message: String) -> CLIError { CLIError(.failure, ["internal error: \(message)"]) }

    var description: String { messages.joined(separator: "\n") }
}
