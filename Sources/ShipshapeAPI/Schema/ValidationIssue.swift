import KubeModel

/// One thing wrong with an input object: the field and what is wrong with it.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public let path: FieldPath
    public let message: String

    public init(_ path: FieldPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isRoot ? message : "\(path): \(message)" }
}
