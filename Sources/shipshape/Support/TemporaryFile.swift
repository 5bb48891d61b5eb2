import Foundation

/// An unlinked temporary file in `$TMPDIR`: gone from the directory as soon as it is open, and
/// from the disk when its descriptor is closed (or the process ends), whatever happens between.
enum TemporaryFile {
    /// A descriptor open for reading and writing, or the system's reason it could not be made.
    static func openUnlinked(prefix: String) -> Result<Int32, TemporaryFileError> {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return .failure(TemporaryFileError(reason: String(cString: strerror(errno)))) }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        return .success(descriptor)
    }

    /// Writes all of `bytes` to `descriptor`; false, with `errno` set, when the system refuses.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}

/// Why a temporary file could not be made or written: the system's reason.
struct TemporaryFileError: Error {
    let reason: String
}
