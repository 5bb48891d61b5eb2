import KubeModel
import OperatorRuntime

/// One child as the cache holds it: its projection (`ChildProjection`) as compact JSON text,
/// deflated against a typical object of its kind (`DeflatedJSON`): one small allocation instead
/// of a tree of them (a Deployment as a `JSONValue` tree takes about ten times its JSON size,
/// the deflated text about a fifth of it), plus what handlers and lookups need without reading
/// the text: the owning Microservice's key and the resourceVersion.
public struct CachedChild: Sendable, Equatable {
    /// The key of the Microservice that owns it (`EnqueueMapping.owner(ofChild:)`), if any.
    public let owner: ObjectKey?
    public let resourceVersion: String
    private let text: DeflatedJSON

    public init(_ object: JSONValue) {
        let projected = ChildProjection.project(object)
        owner = EnqueueMapping.owner(ofChild: projected)
        resourceVersion = projected.resourceVersion
        text = DeflatedJSON(projected.jsonText(), kind: projected["kind"]?.stringValue ?? "")
    }

    /// The projected object, read back from its text (which this type wrote, so it parses).
    public var value: JSONValue { (try? JSONValue(parsingJSON: text.utf8)) ?? .null }

    /// The bytes its text takes in the cache.
    public var storedCount: Int { text.storedCount }
}
