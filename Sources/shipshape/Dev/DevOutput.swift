import Foundation
import Synchronization

/// `shipshape dev`'s standard output: plain lines, and a block of lines redrawn in place.
final class DevOutput: Sendable {
    /// Standard output is a terminal (and TERM is not `dumb`).
    let isTerminal = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private let lock = Mutex(())

    func line(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }

    /// Replaces the last `previous` lines written with `lines`.
    func redraw(_ lines: [String], replacing previous: Int) {
        var text = previous > 0 ? "\u{1B}[\(previous)A" : ""
        for line in lines { text += "\r\u{1B}[2K" + line + "\n" }
        write(text)
    }

    private func write(_ text: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
