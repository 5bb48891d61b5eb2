import KubeSchema
/// How a sandbox is started.
public struct SandboxOptions: Sendable {
    /// Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with a generated CA; otherwise plain HTTP/1.1.
    public var tls: Bool
    /// Bearer tokens accepted, and the user each one authenticates.
    public var tokens: [String: AuthenticatedUser]
    /// Reject unauthenticated requests with 401. Defaults to true with TLS or tokens.
    public var requireAuthentication: Bool
    /// Built-in kinds are validated against these; nil validates only CRD objects.
    public var schemas: OpenAPISchemas?
    /// Events kept for watch replay; older resourceVersions get 410 Gone.
    public var historyLimit: Int
    /// Unknown-field handling when a request has no `fieldValidation` parameter (the API server's
    /// default is Warn; Strict makes tests catch misspelt fields).
    public var fieldValidation: FieldValidation
    /// When set, every watch that allows bookmarks gets a BOOKMARK this often (the API server
    /// sends one about every minute, the default).
    public var bookmarkInterval: Duration?
    /// 0 lets the OS pick a free port.
    public var port: Int

    public init(tls: Bool = false, tokens: [String: AuthenticatedUser] = [:], requireAuthentication: Bool? = nil,
                schemas: OpenAPISchemas? = nil, historyLimit: Int = 10_000, fieldValidation: FieldValidation = .warn,
                bookmarkInterval: Duration? = .seconds(60), port: Int = 0) {
        self.tls = tls
        self.tokens = tokens
        self.requireAuthentication = requireAuthentication ?? (tls || !tokens.isEmpty)
        self.schemas = schemas
        self.historyLimit = historyLimit
        self.fieldValidation = fieldValidation
        self.bookmarkInterval = bookmarkInterval
        self.port = port
    }
}
