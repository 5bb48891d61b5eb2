import ArgumentParser
import Foundation
import KubeModel
import Logging

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

/// One JSON object a line on standard error: `time`, `level`, `logger`, `msg`, then metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line: JSONObject = [
            "time": .string(Date().formatted(.iso8601)), "level": .string(event.level.rawValue), "logger": .string(label),
            "msg": .string("\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() { line[key] = merged[key].map { .string("\($0)") } }
        FileHandle.standardError.write(Data((JSONValue.object(line).jsonText() + "\n").utf8))
    }
}
