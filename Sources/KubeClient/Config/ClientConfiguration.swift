import KubeModel

/// Everything needed to talk to one API server as one user: where, how to trust it, who to be.
/// Made from a kubeconfig (`ClientConfiguration.load`) or in-cluster (`inCluster`).
public struct ClientConfiguration: Sendable {
    /// The API server's base URL (`https://host:6443`, possibly with a path prefix).
    public var server: String
    /// The namespace requests use when none is given (from the context, or `default`).
    public var namespace: String
    /// TLS trust and, for certificate users, the client certificate and key.
    public var tls: TLSOptions
    /// How requests are authenticated beyond a client certificate.
    public var credentials: CredentialSource
    /// Where the configuration came from, for messages (`~/.kube/config (context kind-dev)`).
    public var origin: String
    /// The kubeconfig context it was read from; nil in-cluster or when made explicitly.
    public var contextName: String?

    public init(server: String, namespace: String = "default", tls: TLSOptions = TLSOptions(),
                credentials: CredentialSource = .none, origin: String = "explicit configuration", contextName: String? = nil) {
        self.server = server
        self.namespace = namespace
        self.tls = tls
        self.credentials = credentials
        self.origin = origin
        self.contextName = contextName
    }
}

/// How a request gets its credentials.
public enum CredentialSource: Sendable {
    /// No bearer token (anonymous, or a client certificate in `tls`).
    case none
    /// A fixed bearer token.
    case token(String)
    /// A bearer token read from a file and re-read as it rotates (at most every
    /// `refreshInterval`, and after a 401): kubeconfig `tokenFile`, the in-cluster token.
    case tokenFile(path: String, refreshInterval: Duration)
    /// An exec credential plugin.
    case exec(ExecConfig)
}

/// A kubeconfig `users[].user.exec` stanza (client.authentication.k8s.io).
public struct ExecConfig: Sendable, Hashable {
    public var apiVersion: String
    /// The command; a path with a `/` is already resolved against the kubeconfig's directory.
    public var command: String
    public var args: [String]
    /// Variables added to the plugin's environment.
    public var env: [EnvVar]
    /// Passes the cluster (server, CA, TLS settings) in KUBERNETES_EXEC_INFO.
    public var provideClusterInfo: Bool
    public var installHint: String?
    /// What the plugin is told about the cluster when `provideClusterInfo` is set.
    public var cluster: ExecClusterInfo?

    public struct EnvVar: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(apiVersion: String = "client.authentication.k8s.io/v1", command: String, args: [String] = [],
                env: [EnvVar] = [], provideClusterInfo: Bool = false, installHint: String? = nil, cluster: ExecClusterInfo? = nil) {
        self.apiVersion = apiVersion
        self.command = command
        self.args = args
        self.env = env
        self.provideClusterInfo = provideClusterInfo
        self.installHint = installHint
        self.cluster = cluster
    }
}

/// The cluster as an exec plugin sees it in `spec.cluster` of KUBERNETES_EXEC_INFO.
public struct ExecClusterInfo: Sendable, Hashable {
    public var server: String
    public var tlsServerName: String?
    public var insecureSkipTLSVerify: Bool
    public var certificateAuthorityData: [UInt8]?

    public init(server: String, tlsServerName: String? = nil, insecureSkipTLSVerify: Bool = false, certificateAuthorityData: [UInt8]? = nil) {
        self.server = server
        self.tlsServerName = tlsServerName
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.certificateAuthorityData = certificateAuthorityData
    }
}
