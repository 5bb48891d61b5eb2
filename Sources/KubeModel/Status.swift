/// metav1.Status: the API server's answer for failures (and some deletes).
public struct Status: Codable, Sendable, Hashable {
    public var kind: String?
    public var apiVersion: String?
    /// `Success` or `Failure`.
    public var status: String?
    public var message: String?
    /// A machine-readable reason: `NotFound`, `AlreadyExists`, `Conflict`, `Expired`, ...
    public var reason: String?
    public var details: StatusDetails?
    /// The HTTP status code.
    public var code: Int?

    public init(status: String? = "Failure", message: String? = nil, reason: String? = nil, details: StatusDetails? = nil, code: Int? = nil) {
        self.kind = "Status"
        self.apiVersion = "v1"
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
    }
}

/// metav1.StatusDetails: which object a Status is about, and field-level causes.
public struct StatusDetails: Codable, Sendable, Hashable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var uid: String?
    public var causes: [StatusCause]?
    public var retryAfterSeconds: Int?

    public init(name: String? = nil, group: String? = nil, kind: String? = nil, causes: [StatusCause]? = nil, retryAfterSeconds: Int? = nil) {
        self.name = name
        self.group = group
        self.kind = kind
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// metav1.StatusCause: one reason a request failed, often naming a field.
public struct StatusCause: Codable, Sendable, Hashable {
    public var reason: String?
    public var message: String?
    public var field: String?

    public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
        self.reason = reason
        self.message = message
        self.field = field
    }
}
