/// Why a file could not be read into objects. The description reads
/// `file:line: message` (or `file (document N): message` where no line is known).
public enum SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not valid YAML or JSON.
    case syntax(file: String, line: Int?, message: String)
    /// A document is valid YAML but not a Kubernetes-shaped object.
    case invalid(file: String, line: Int?, document: Int, message: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .invalid(let file, let line, let document, let message):
            return "\(file)\(line.map { ":\($0)" } ?? " (document \(document))"): \(message)"
        }
    }

    /// The file the error is in.
    public var file: String {
        switch self {
        case .syntax(let file, _, _), .invalid(let file, _, _, _): return file
        }
    }

    /// The 1-based line, where known.
    public var line: Int? {
        switch self {
        case .syntax(_, let line, _), .invalid(_, let line, _, _): return line
        }
    }

    /// What is wrong, without the location.
    public var message: String {
        switch self {
        case .syntax(_, _, let message), .invalid(_, _, _, let message): return message
        }
    }
}
