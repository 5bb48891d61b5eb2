import KubeModel

/// A document of the input that could not be judged: unreadable YAML, a duplicate key, not an
/// object, a Microservice that fails its schema, a file that cannot be read. It makes the audit
/// exit 2 and is listed in every report format with its file and line.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// The document's position in the file, from 1; nil for a problem with the whole file.
    public var document: Int?
    /// The 1-based line, where known.
    public var line: Int?
    /// What is wrong, without the location.
    public var message: String

    public init(file: String, document: Int? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.document = document
        self.line = line
        self.message = message
    }

    /// A document's error as read from its source.
    public init(_ error: SourceError, document: Int) {
        self.init(file: error.file, document: document, line: error.line, message: error.message)
    }

    /// `file:line`, `file (document N)` or `file`.
    public var location: String {
        if let line { return "\(file):\(line)" }
        return document.map { "\(file) (document \($0))" } ?? file
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }
}

/// An object the audit did not judge, and why: a kind it does not audit, an apiVersion that
/// does not serve the kind (a typo), or a workload judged through its owner.
public struct SkippedObject: Sendable, Hashable {
    /// The object (kind `""` when it has none); its `inputIndex` locates it.
    public var object: ObjectRef
    public var apiVersion: String?
    public var reason: String
    /// A workload controlled by another one (a Deployment's ReplicaSet): judged through its
    /// owner, so reports other than JSON count it without listing it.
    public var judgedThroughOwner: Bool

    public init(object: ObjectRef, apiVersion: String?, reason: String, judgedThroughOwner: Bool = false) {
        self.object = object
        self.apiVersion = apiVersion
        self.reason = reason
        self.judgedThroughOwner = judgedThroughOwner
    }
}
