/// The identity of one object of a kind: its namespace ("" when cluster-scoped) and name, the
/// key of stores, indexes and work queues. Its text form (`namespace/name`, or `name` when
/// cluster-scoped) is for logs and metrics only; nothing parses it back.
public struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
