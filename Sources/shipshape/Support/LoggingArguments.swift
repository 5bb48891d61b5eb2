import ArgumentParser
import Logging

/// The logging options of `run` and `webhook`.
struct LoggingArguments: ParsableArguments {
    @Option(help: OptionResolver.help("trace, debug, info, notice, warning, error or critical", flag: "log-level", default: "info"))
    var logLevel: Logger.Level?

    @Option(help: OptionResolver.help("auto (text on a terminal, JSON lines otherwise), json or text", flag: "log-format", default: "auto"))
    var logFormat: LogFormat?

    /// The level and format chosen by the flags, the environment or the defaults.
    func resolve(_ resolver: inout OptionResolver) -> (level: Logger.Level, format: LogFormat) {
        let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        let level = resolver.value("log-level", logLevel, expected: "one of \(levels)", parse: { Logger.Level(rawValue: $0.lowercased()) })
        let format = resolver.value("log-format", logFormat, expected: "auto, json or text", parse: { LogFormat(rawValue: $0.lowercased()) })
        return (level ?? .info, format ?? .auto)
    }
}
