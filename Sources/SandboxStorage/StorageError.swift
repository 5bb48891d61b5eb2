/// The one error type of SandboxStorage: each case names the directory or file it is about.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data directory cannot be created or opened.
    case directory(String, reason: String)
    /// Another process holds the data directory's lock.
    case inUse(directory: String, holder: String?)
    /// The database cannot be opened or read: corrupt, not a database, unreadable, or written
    /// by a newer version.
    case unreadable(file: String, reason: String)
    /// A write did not reach the disk.
    case writeFailed(file: String, reason: String)

    public var description: String {
        switch self {
        case .directory(let path, let reason):
            return "data directory \(path): \(reason)"
        case .inUse(let directory, let holder):
            return "data directory \(directory) is in use by another process\(holder.map { " (pid \($0))" } ?? "");"
                + " stop it or choose another --data-dir"
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .writeFailed(let file, let reason):
            return "cannot write \(file): \(reason)"
        }
    }
}
