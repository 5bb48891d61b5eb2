import ArgumentParser
import Controller
import Logging
import OperatorServing

/// `--log-format`: human-readable lines or one JSON object a line (for log collectors).
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json

    /// Sends every logger of the process to standard error in this format, at `level`.
    func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch self {
            case .text: handler = StreamLogHandler.standardError(label: label)
            case .json: handler = JSONLogHandler(label: label)
            }
            handler.logLevel = level
            return handler
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
