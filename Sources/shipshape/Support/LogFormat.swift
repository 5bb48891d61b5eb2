import ArgumentParser
import Controller
import Foundation
import Logging
import OperatorServing

/// `--log-format`: human-readable lines or one JSON object a line (for log collectors); `auto`
/// picks text on a terminal and JSON otherwise.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, json, text

    /// The process's one logging set-up (`run`, `webhook` and `dev` call it first): every logger
    /// writes to standard error in this format, at `level`.
    func bootstrap(level: Logger.Level) {
        let json = self == .json || (self == .auto && isatty(STDERR_FILENO) == 0)
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
