import KubeModel
import ShipshapeAPI

/// What importing a set of objects produced: one Microservice per importable Deployment, in
/// namespace and name order, and every object that could not be imported.
public struct ImportResult: Sendable {
    public var services: [ImportedService] = []
    public var problems: [ImportProblem] = []

    /// Whether any input was invalid (rather than only not importable).
    public var hasInvalidInput: Bool { problems.contains { $0.kind == .invalid } }
}

/// One Deployment imported as a Microservice.
public struct ImportedService: Sendable {
    public let microservice: Microservice
    /// Where the Deployment came from (`file:line`).
    public let source: String
    /// The objects matched to the Deployment and folded into the Microservice (`Service shop/web`).
    public let related: [String]
    /// Secrets to create before applying (literals that looked secret were left out).
    public let todos: [String]
    /// What the Microservice cannot express, each with the field it concerns.
    public let notExpressed: [ImportNote]
    /// How the pod template Shipshape renders differs from the original, field by field.
    public let templateChanges: [TemplateChange]
    /// Objects adoption creates, and Deployment fields outside the pod template it changes.
    public let objectChanges: [String]
    /// The Microservice as YAML, after its comment block.
    public let document: String
}

/// Something the Microservice could not express, and what happens to it.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    /// The field concerned, such as `spec.template.spec.containers[app].lifecycle.postStart`, or an object.
    public let subject: String
    public let message: String
    /// Pod-template view paths (prefixes) this note accounts for.
    let covers: [String]
    /// Kept only when the rendered pod template differs at one of `covers`.
    let onlyIfChanged: Bool
    /// Written by the fallback for a difference no mapping rule explained.
    public let unexplained: Bool

    init(_ subject: String, _ message: String, covers: [String] = [], onlyIfChanged: Bool = false, unexplained: Bool = false) {
        self.subject = subject
        self.message = message
        self.covers = covers
        self.onlyIfChanged = onlyIfChanged
        self.unexplained = unexplained
    }

    public var description: String { "\(subject): \(message)" }

    func covers(_ path: String) -> Bool {
        covers.contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
    }
}

/// A workload that was not imported, or input that could not be read.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A workload Shipshape cannot express (a StatefulSet, a Deployment with no container...).
        case notImportable
        /// Input that is not a valid object.
        case invalid
    }

    public let kind: Kind
    /// `file:line` of the object or field.
    public let location: String
    /// `StatefulSet shop/db`.
    public let object: String
    public let message: String

    public var description: String { "\(location): \(object): \(message)" }
}
