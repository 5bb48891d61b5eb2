import Foundation

/// Facts about where output goes.
enum Terminal {
    /// Whether standard output is a terminal and colour is not turned off (NO_COLOR).
    static var colorsStandardOutput: Bool { isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    /// Whether standard error is a terminal and colour is not turned off.
    static var colorsStandardError: Bool { isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    /// Writes a line to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
