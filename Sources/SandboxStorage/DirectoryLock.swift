#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `DIR/lock`, held while the storage is open and released by the
/// kernel when the process ends, however it ends (kill -9 included). The file holds the
/// holder's pid, for the message another process gets.
final class DirectoryLock: Sendable {
    private let descriptor: Int32

    init(directory: String) throws(StorageError) {
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .directory(directory, reason: "cannot open \(path): \(Self.errorText())") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = Self.errorText()
            let holder = Self.contents(descriptor)
            close(descriptor)
            if busy { throw .inUse(directory: directory, holder: holder) }
            throw .directory(directory, reason: "cannot lock \(path): \(reason)")
        }
        let pid = Array(String(getpid()).utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    private static func contents(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        return text.allSatisfy(\.isNumber) ? text : nil
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
