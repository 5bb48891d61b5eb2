import KubeModel

/// How unknown fields are treated, as the `fieldValidation` query parameter says.
public enum FieldValidation: String, Sendable {
    /// Unknown fields are an error (400 BadRequest, `strict decoding error`).
    case strict = "Strict"
    /// Unknown fields are dropped and named in a `Warning` response header (the API server's default).
    case warn = "Warn"
    /// Unknown fields are dropped silently.
    case ignore = "Ignore"
}

/// Per-request write parameters.
struct WriteOptions: Sendable {
    var fieldManager: String?
    /// The manager a write without `fieldManager` is recorded under: the User-Agent's product name.
    var defaultFieldManager: String?
    var fieldValidation: FieldValidation
    var dryRun = false
    var force = false
    /// The subresource a non-status write came through (`scale`), as its managedFields entry records it.
    var subresource: String?
    /// A JSON patch (RFC 6902 operations) from mutating admission webhooks, applied to the
    /// object just before it is validated.
    var admissionMutation: JSONValue?
    /// Admission saw the object at this resourceVersion; a write finding another is a conflict
    /// (the request is admitted again), as the API server's optimistic update retries.
    var admittedResourceVersion: String?

    /// The manager an update (POST, PUT, non-apply PATCH) is recorded under.
    var updateManager: String { fieldManager ?? defaultFieldManager ?? "unknown" }

    /// The field manager the API server derives from a User-Agent: its text before the first `/`.
    static func manager(userAgent: String?) -> String? {
        guard let userAgent, let product = userAgent.split(separator: "/", omittingEmptySubsequences: false).first,
              !product.isEmpty else { return nil }
        return String(product.prefix(128))
    }
}

/// What a write returns to the handler.
struct WriteResult: Sendable {
    var object: JSONValue
    var warnings: [String] = []
    var created = false
}

/// One stored object and, for server-side apply, what each apply manager last applied.
struct StoredObject: Sendable {
    var value: JSONValue
    var applied: [String: AppliedIntent] = [:]

    var metadata: JSONValue { value["metadata"] ?? .object([:]) }
    var uid: String { metadata["uid"]?.stringValue ?? "" }
    var namespace: String { metadata["namespace"]?.stringValue ?? "" }
    var name: String { metadata["name"]?.stringValue ?? "" }
}

/// A change, kept in the bounded history that watches replay from.
struct HistoryEvent: Sendable {
    enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }

    var revision: Int
    var storageKey: String
    var namespace: String
    var kind: Kind
    var object: JSONValue
    /// The object before a modification, so selector watches can turn it into ADDED/DELETED.
    var previous: JSONValue?
}

/// What a watch stream carries before it is rendered for the client.
enum WatchMessage: Sendable {
    case event(String, JSONValue)
    case bookmark(revision: Int, initialEventsEnd: Bool)
    case error(APIStatus)
}

/// Parsed list and watch query parameters.
struct ListQuery: Sendable {
    var labelSelector: LabelSelector?
    var fieldSelector: FieldSelector?
    var limit: Int?
    var continueToken: String?
    var resourceVersion: String?
    var resourceVersionMatch: ResourceVersionMatch?
    var allowBookmarks = false
    /// nil when the request did not say.
    var sendInitialEvents: Bool?

    func matches(_ object: JSONValue) -> Bool {
        if let labelSelector, !labelSelector.matches(object["metadata"]?["labels"]?.objectValue ?? JSONObject()) { return false }
        if let fieldSelector, !fieldSelector.matches(object) { return false }
        return true
    }
}

/// One page of a list.
struct ListPage: Sendable {
    var items: [JSONValue]
    var resourceVersion: Int
    var continueToken: String?
    var remainingItemCount: Int?
}

/// Delete parameters from the query or a DeleteOptions body.
struct DeleteRequest: Sendable {
    enum Propagation: String, Sendable { case orphan = "Orphan", background = "Background", foreground = "Foreground" }
    var propagation: Propagation = .background
    var preconditionUID: String?
    var preconditionResourceVersion: String?
    var gracePeriodSeconds: Int?
    var dryRun = false
}
