/// Failures the commands report: messages on stderr and a documented exit code.
enum CLIError: Error, CustomStringConvertible {
    /// Input that cannot be read or is invalid; each command documents its code.
    case invalidInput([String], exitCode: Int32)
    /// Findings at or above the failure threshold (already reported on stdout or stderr).
    case findings(exitCode: Int32)
    /// A bug: the program's own invariants do not hold.
    case `internal`(String)

    var description: String {
        switch self {
        case .invalidInput(let messages, _): return messages.joined(separator: "\n")
        case .findings: return ""
        case .internal(let message): return "internal error: \(message)"
        }
    }

    var exitCode: Int32 {
        switch self {
        case .invalidInput(_, let code), .findings(let code): return code
        case .internal: return 70
        }
    }
}
