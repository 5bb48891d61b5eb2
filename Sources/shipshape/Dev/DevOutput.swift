import Foundation
import Synchronization

/// `shipshape dev`'s standard output: plain lines, and a block of lines redrawn in place.
final class DevOutput: Sendable {
    /// Standard output is a terminal (and TERM is not `dumb`).
    let isTerminal = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private let lock = Mutex(())

    func line(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }

    /// Replaces the last `previous` lines written with `lines`, each cut to the terminal's width
    /// so none wraps (a wrapped line would throw the next redraw off).
    func redraw(_ lines: [String], replacing previous: Int) {
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1 ? Int(size.ws_col) - 1 : Int.max
        var text = previous > 0 ? "\u{1B}[\(previous)A" : ""
        for line in lines { text += "\r\u{1B}[2K" + String(line.prefix(width)) + "\n" }
        write(text)
    }

    private func write(_ text: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
