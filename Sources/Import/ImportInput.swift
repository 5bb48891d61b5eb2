import KubeModel

/// One object given to the importer: its value and how to name where a field of it came from
/// (`file:line` for files, the cluster for live objects).
public struct ImportInput: Sendable {
    public let value: JSONValue
    private let locator: @Sendable (FieldPath) -> String

    /// An object read from a file, located at the line of each field.
    public init(_ object: SourceObject) {
        value = object.value
        let origin = object.origin
        locator = { origin.location(of: $0) }
    }

    /// An object with one location for all its fields (a cluster's name, for live objects).
    public init(value: JSONValue, location: String) {
        self.value = value
        locator = { _ in location }
    }

    /// Where `path` (relative to the object) came from.
    public func location(of path: FieldPath = .root) -> String { locator(path) }

    var kind: String { value["kind"]?.stringValue ?? "" }
    var name: String { value["metadata"]?["name"]?.stringValue ?? "" }
    /// The namespace as written; "" when unset (the namespace `kubectl apply` is given).
    var namespace: String { value["metadata"]?["namespace"]?.stringValue ?? "" }
    /// `Kind namespace/name`, or `Kind name` without a namespace, as messages name objects.
    var reference: String { "\(kind) \(namespace.isEmpty ? "" : namespace + "/")\(name.isEmpty ? "(unnamed)" : name)" }
}
