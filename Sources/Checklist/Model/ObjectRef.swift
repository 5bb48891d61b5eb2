/// Which object a report or finding is about.
public struct ObjectRef: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    /// nil when the manifest leaves it to the namespace it is applied to.
    public var namespace: String?
    public var name: String
    /// The object's position in the input given to `Checklist.check(objects:microservices:)`
    /// (Microservices numbered after the objects), so callers can find its source; nil otherwise.
    public var inputIndex: Int?

    public init(kind: String, namespace: String?, name: String, inputIndex: Int? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.inputIndex = inputIndex
    }

    /// `Deployment shop/orders` (or `Deployment orders` without a namespace).
    public var description: String { "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name)" }
}
