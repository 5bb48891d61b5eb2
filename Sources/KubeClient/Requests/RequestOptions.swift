/// Options of a list: selectors and pagination.
public struct ListOptions: Sendable, Hashable {
    /// `app=web,tier!=cache`, `env in (prod,staging)`.
    public var labelSelector: String?
    /// `metadata.name=web`, `status.phase!=Running`.
    public var fieldSelector: String?
    /// The page size; nil for everything at once.
    public var limit: Int?
    /// The continue token of the previous page.
    public var continueToken: String?
    /// `0` for any cached version; nil for the most recent.
    public var resourceVersion: String?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil,
                continueToken: String? = nil, resourceVersion: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var query: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector { items.append(("fieldSelector", fieldSelector)) }
        if let limit { items.append(("limit", String(limit))) }
        if let continueToken, !continueToken.isEmpty { items.append(("continue", continueToken)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        return items
    }
}

/// Options of a watch.
public struct WatchOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Start after this version (from a list or the last event); nil starts with the current state.
    public var resourceVersion: String?
    /// Ask for BOOKMARK events, which carry a resourceVersion to resume from.
    public var allowBookmarks: Bool
    /// The server ends the watch after this many seconds.
    public var timeoutSeconds: Int?
    /// The longest silence before the client gives up on the connection as dead.
    public var idleTimeout: Duration

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
                allowBookmarks: Bool = true, timeoutSeconds: Int? = 290, idleTimeout: Duration? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.allowBookmarks = allowBookmarks
        self.timeoutSeconds = timeoutSeconds
        self.idleTimeout = idleTimeout ?? .seconds((timeoutSeconds ?? 290) + 30)
    }

    var query: [(String, String)] {
        var items: [(String, String)] = [("watch", "true")]
        if let labelSelector { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector { items.append(("fieldSelector", fieldSelector)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        if allowBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { items.append(("timeoutSeconds", String(timeoutSeconds))) }
        return items
    }
}

/// Options of a delete.
public struct DeleteOptions: Sendable, Hashable {
    public enum PropagationPolicy: String, Sendable, Hashable {
        case orphan = "Orphan", background = "Background", foreground = "Foreground"
    }

    public var propagationPolicy: PropagationPolicy?
    public var gracePeriodSeconds: Int?
    /// Delete only if the object still has this uid.
    public var preconditionUID: String?
    /// Delete only if the object still has this resourceVersion.
    public var preconditionResourceVersion: String?
    public var dryRun: Bool

    public init(propagationPolicy: PropagationPolicy? = nil, gracePeriodSeconds: Int? = nil,
                preconditionUID: String? = nil, preconditionResourceVersion: String? = nil, dryRun: Bool = false) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.dryRun = dryRun
    }

    var hasPreconditions: Bool { preconditionUID != nil || preconditionResourceVersion != nil }
}

/// Options of a write (create, replace, patch, apply).
public struct WriteOptions: Sendable, Hashable {
    /// The field manager recorded for the change; required for server-side apply.
    public var fieldManager: String?
    public var dryRun: Bool

    public init(fieldManager: String? = nil, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.dryRun = dryRun
    }

    var query: [(String, String)] {
        var items: [(String, String)] = []
        if dryRun { items.append(("dryRun", "All")) }
        if let fieldManager { items.append(("fieldManager", fieldManager)) }
        return items
    }
}
