/// The exit status of every `shipshape` command: one scheme, documented in the README.
///
/// When several apply (a run with findings and an unreadable file), the highest wins: a
/// failure hides an answer more than invalid input does, and invalid input more than findings.
enum ExitCode: Int32, Sendable {
    /// Done, and nothing to report: no findings at the threshold, no differences, all converged.
    case ok = 0
    /// The answer is "no": findings at or above the threshold, differences, objects denied or
    /// not importable, Microservices that did not converge.
    case findings = 1
    /// Invalid input or usage: an unknown flag, a bad flag or environment value, an unreadable
    /// or invalid file. Usage errors are refused before any work starts.
    case invalidInput = 2
    /// Failed while running: a cluster unreachable or refusing the credentials, a kubeconfig
    /// that cannot be loaded, a port in use, a file that cannot be written, a server that stopped,
    /// or a bug.
    case failure = 3
}
