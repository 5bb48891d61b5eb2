/// One API call before credentials and transport are applied: the pure part tests check.
public struct APIRequest: Sendable {
    public var method: String
    /// The path below the server URL, starting with `/`.
    public var path: String
    public var query: [(String, String)]
    public var body: [UInt8]?
    public var contentType: String?
    public var accept: String
    /// Safe to send again after a 429, a 5xx or a dropped connection.
    public var idempotent: Bool

    public init(method: String, path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                contentType: String? = nil, accept: String = "application/json", idempotent: Bool) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.contentType = contentType
        self.accept = accept
        self.idempotent = idempotent
    }

    /// The path and encoded query, as sent.
    public var target: String { query.isEmpty ? path : path + "?" + PercentEncoding.query(query) }

    /// The full URL on `server`, keeping any path prefix the server URL has.
    public func url(server: String) -> String {
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        return base + target
    }
}

/// Accept headers for metadata-only responses (PartialObjectMetadata), with plain JSON as the
/// fallback a server without the feature answers with.
enum MetadataAccept {
    static let object = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json"
    static let list = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
}
