import KubeSchema
/// How a sandbox is started.
public struct SandboxOptions: Sendable {
    /// Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with a generated CA; otherwise plain HTTP/1.1.
    public var tls: Bool
    /// Bearer tokens accepted (besides the sandbox's admin token and the ServiceAccount tokens it
    /// issues), and the user each one authenticates; `system:authenticated` is added to its groups.
    public var tokens: [String: AuthenticatedUser]
    /// Reject requests without credentials with 401 (`--anonymous-auth=false`) instead of serving
    /// them as `system:anonymous`, whom RBAC mostly forbids (403), as a real API server does.
    public var requireAuthentication: Bool
    /// Built-in kinds are validated against these; nil validates only CRD objects.
    public var schemas: OpenAPISchemas?
    /// Events kept for watch replay; older resourceVersions get 410 Gone.
    public var historyLimit: Int
    /// Unknown-field handling when a request has no `fieldValidation` parameter (the API server's
    /// default is Warn; Strict makes tests catch misspelt fields).
    public var fieldValidation: FieldValidation
    /// How often a watch that allows bookmarks gets a BOOKMARK (the API server's minute, the
    /// default), besides one 2 s before its `timeoutSeconds` ends it; each carries the latest
    /// resourceVersion and goes out only once that is newer than where the watch started. nil
    /// sends none of these (the initial-events-end bookmark still comes).
    public var bookmarkInterval: Duration?
    /// kube-apiserver's `--min-request-timeout` (30 min): a watch without `timeoutSeconds` (or
    /// with 0) ends after a random time between this and twice this, on the sandbox's clock.
    public var minRequestTimeout: Duration = .seconds(1800)
    /// 0 lets the OS pick a free port.
    public var port: Int
    /// Where Services that admission webhooks reference are reached: `namespace/name:port` →
    /// `127.0.0.1:PORT` (the sandbox runs no Service proxy).
    public var serviceAddresses: [String: String]
    /// Run the kube-controller-manager controllers the sandbox models (namespace, garbage
    /// collector, Deployment, ReplicaSet, disruption); off, the store changes only when a client writes.
    public var controllers: Bool
    /// Run the OwnerReferencesPermissionEnforcement admission plugin (off by default, as in a
    /// plain kube-apiserver): setting `blockOwnerDeletion` needs `update` on the owner's `finalizers`.
    public var ownerReferencesPermissionEnforcement = false
    /// Where Services' cluster IPs come from: 10.0.0.0/24 (254 Services), the API server's default.
    public var serviceNetwork = ServiceNetwork.default
    /// With `controllers`, also run a simulated kubelet: Pods are reported Running and Ready (no
    /// process runs; each is annotated `sandbox.shipshape.dev/simulated: "true"`), so Deployments
    /// become Available. Off by default; `shipshape dev` turns it on.
    public var simulateKubelet = false
    /// With `controllers`, also run the HorizontalPodAutoscaler controller as it acts without a
    /// metrics server: targets are held within minReplicas and maxReplicas, and status reported.
    /// Off by default; `shipshape dev` turns it on.
    public var horizontalPodAutoscaling = false
    /// With `controllers`, how long the namespace controller waits after a terminating
    /// namespace changes before it deletes its content (the real controller's 5 s); a test can
    /// `advanceClock` past it instead of waiting.
    public var namespaceDeletionGracePeriod: Duration = .seconds(5)
    /// Keep the objects, the event history, the revision counter, the CA, the token signing key
    /// and the port in SQLite in this directory (one sandbox at a time): every write is on disk
    /// before it is answered, and a sandbox started on the same directory goes on from there.
    /// nil keeps everything in memory.
    public var dataDirectory: String?

    public init(tls: Bool = false, tokens: [String: AuthenticatedUser] = [:], requireAuthentication: Bool = false,
                schemas: OpenAPISchemas? = nil, historyLimit: Int = 10_000, fieldValidation: FieldValidation = .warn,
                bookmarkInterval: Duration? = .seconds(60), port: Int = 0, serviceAddresses: [String: String] = [:],
                controllers: Bool = true) {
        self.tls = tls
        self.tokens = tokens
        self.requireAuthentication = requireAuthentication
        self.schemas = schemas
        self.historyLimit = historyLimit
        self.fieldValidation = fieldValidation
        self.bookmarkInterval = bookmarkInterval
        self.port = port
        self.serviceAddresses = serviceAddresses
        self.controllers = controllers
    }
}
