import KubeModel

/// One change seen by a watch.
public enum WatchEvent<Object: Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// No change, only progress: resume a later watch from `resourceVersion`.
    case bookmark(Bookmark)

    /// The object of an added, modified or deleted event.
    public var object: Object? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): return object
        case .bookmark: return nil
        }
    }
}

/// What a BOOKMARK event carries.
public struct Bookmark: Sendable, Hashable {
    public var resourceVersion: String
    /// Annotations such as `k8s.io/initial-events-end`.
    public var annotations: [String: String]

    public init(resourceVersion: String, annotations: [String: String] = [:]) {
        self.resourceVersion = resourceVersion
        self.annotations = annotations
    }
}

extension WatchEvent {
    /// Decodes one framed event `{"type": ..., "object": ...}`. ERROR events are thrown: 410
    /// (or reason Expired/Gone) as `.gone`, others as `.api`, with the event's Status.
    static func decode(frame: [UInt8]) throws(KubeError) -> WatchEvent<Object> where Object: Decodable {
        let value = try KubernetesClient.decode(JSONValue.self, from: frame)
        guard let type = value["type"]?.stringValue, let object = value["object"] else {
            throw KubeError.decoding(type: "watch event", field: "type", message: "an event needs a type and an object")
        }
        switch type {
        case "ADDED": return .added(try KubernetesClient.decode(Object.self, from: object))
        case "MODIFIED": return .modified(try KubernetesClient.decode(Object.self, from: object))
        case "DELETED": return .deleted(try KubernetesClient.decode(Object.self, from: object))
        case "BOOKMARK":
            let metadata = try KubernetesClient.decode(ObjectMeta.self, from: object["metadata"] ?? [:])
            guard let version = metadata.resourceVersion else {
                throw KubeError.decoding(type: "watch event", field: "object.metadata.resourceVersion", message: "a bookmark needs a resourceVersion")
            }
            return .bookmark(Bookmark(resourceVersion: version, annotations: metadata.annotations ?? [:]))
        case "ERROR":
            let status = (try? KubernetesClient.decode(Status.self, from: object)) ?? Status(message: object.jsonText())
            let gone = status.code == 410 || status.reason == "Expired" || status.reason == "Gone"
            throw gone ? KubeError.gone(status) : KubeError.api(status)
        default:
            throw KubeError.decoding(type: "watch event", field: "type", message: "unknown event type \(type)")
        }
    }
}
