import Foundation

/// Text written now and copied out later, in order: held in memory up to `memoryLimit` bytes,
/// past that in an unlinked temporary file (`TemporaryFile`), so what a report holds back until
/// its end does not grow memory with the input. A file that cannot be made or written is
/// remembered (`check()` throws it); nothing more is kept after it.
final class Spool {
    /// Bytes held in memory before they go to the file.
    static let memoryLimit = 1 << 20

    private let prefix: String
    private var buffer: [UInt8] = []
    private var file: Int32?
    /// Why the spool's file could not be made or written, once it could not.
    private var failure: String?

    /// `prefix` names the temporary file, if one is made.
    init(prefix: String) {
        self.prefix = prefix
    }

    deinit {
        if let file { close(file) }
    }

    /// Adds `text` at the end.
    func append(_ text: String) {
        guard failure == nil, !text.isEmpty else { return }
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.memoryLimit { spill() }
    }

    /// Throws when the spool's file failed: what it holds is incomplete.
    func check() throws(CLIError) {
        if let failure { throw Self.error(failure) }
    }

    /// Writes everything appended, less its first `dropping` bytes, to `descriptor`: the
    /// file's part, then the memory's. Throws, having written nothing, when the spool's file
    /// failed before; a read back that fails throws too.
    func copy(to descriptor: Int32, dropping: Int = 0) throws(CLIError) {
        try check()
        var toDrop = dropping
        if let file {
            guard lseek(file, 0, SEEK_SET) == 0 else { throw Self.error("cannot be read: \(String(cString: strerror(errno)))") }
            var block = [UInt8](repeating: 0, count: Self.memoryLimit)
            while true {
                let count = block.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count < 0 { throw Self.error("cannot be read: \(String(cString: strerror(errno)))") }
                if count == 0 { break }
                let skip = min(toDrop, count)
                toDrop -= skip
                _ = block.withUnsafeBytes { TemporaryFile.writeAll(UnsafeRawBufferPointer(rebasing: $0[skip..<count]), to: descriptor) }
            }
        }
        buffer.withUnsafeBytes { _ = TemporaryFile.writeAll(UnsafeRawBufferPointer(rebasing: $0[min(toDrop, $0.count)...]), to: descriptor) }
    }

    /// Moves the buffer to the file, making it on first use.
    private func spill() {
        if file == nil {
            switch TemporaryFile.openUnlinked(prefix: prefix) {
            case .success(let descriptor): file = descriptor
            case .failure(let error): failure = "cannot be made: \(error.reason)"
            }
        }
        if let file, !buffer.withUnsafeBytes({ TemporaryFile.writeAll($0, to: file) }) {
            failure = "cannot be written: \(String(cString: strerror(errno)))"
        }
        buffer.removeAll(keepingCapacity: failure == nil)
    }

    private static func error(_ reason: String) -> CLIError {
        CLIError.failure(["the report's temporary file \(reason)"])
    }
}
