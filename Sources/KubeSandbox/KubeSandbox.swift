import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import HummingbirdTLS
import KubeModel
import Logging
import NIOCore
import NIOSSL
import SandboxStorage

/// An in-memory Kubernetes API server on 127.0.0.1, for tests and local development.
///
/// ```swift
/// try await KubeSandbox.withRunning(SandboxOptions(tls: true, schemas: schemas)) { sandbox in
///     let kubeconfig = try sandbox.kubeconfig(.admin)
///     // talk to sandbox.url ...
///     let writes = await sandbox.requests().filter(\.isWrite)
/// }
/// ```
public final class KubeSandbox: Sendable {
    /// `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`.
    public let url: String
    /// The port the OS chose (or the one asked for).
    public let port: Int
    /// The generated CA and client-certificate minting; nil for plain HTTP.
    public let certificates: SandboxCertificates?
    public let options: SandboxOptions
    /// A bearer token for `admin` in `system:masters`, made at start: what a real cluster's admin
    /// kubeconfig holds (`kubeconfig()` uses it on plain HTTP).
    public let adminToken: String
    let store: ClusterStore
    let journal: RequestJournal

    private init(port: Int, certificates: SandboxCertificates?, options: SandboxOptions, store: ClusterStore, journal: RequestJournal,
                 adminToken: String) {
        self.adminToken = adminToken
        self.port = port
        self.url = "\(options.tls ? "https" : "http")://127.0.0.1:\(port)"
        self.certificates = certificates
        self.options = options
        self.store = store
        self.journal = journal
    }

    /// Starts a sandbox, runs `body` with it, then stops it (ending open watches first).
    public static func withRunning<Result>(_ requested: SandboxOptions = SandboxOptions(),
                                           _ body: (KubeSandbox) async throws -> Result) async throws -> Result {
        let database = try requested.dataDirectory.map { directory throws(SandboxError) in
            try SQLiteClusterStorage.storageCall { () throws(StorageError) in try SQLiteStorage(directory: directory) }
        }
        let secrets = database.map(SandboxSecrets.init)
        // With a data directory, the port served last time (the kubeconfig's) unless one is asked for.
        var options = requested
        if options.port == 0, let port = try secrets?.port() { options.port = port }
        let certificates = options.tls ? try secrets?.certificates() ?? SandboxCertificates() : nil
        let store = try ClusterStore(schemas: options.schemas, historyLimit: options.historyLimit,
                                     defaultFieldValidation: options.fieldValidation, serviceNetwork: options.serviceNetwork,
                                     storage: database.map(SQLiteClusterStorage.init) ?? MemoryStorage(),
                                     bookmarkFrequency: options.bookmarkInterval)
        let journal = RequestJournal()
        let tokens = try secrets?.tokens() ?? TokenAuthority()
        let responder = SandboxResponder(store: store, journal: journal, options: options,
                                         webhookCaller: WebhookCaller(serviceAddresses: options.serviceAddresses), tokens: tokens,
                                         openAPI: OpenAPIPublisher(schemas: options.schemas))
        let server = try certificates.map { try HTTPServerBuilder.http2Upgrade(tlsConfiguration: try Self.tlsConfiguration($0)) } ?? .http1()
        var logger = Logger(label: "kube-sandbox")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder, server: server,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port), serverName: "kube-sandbox"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                do {
                    try await group.waitForAll()
                } catch let error as IOError where error.errnoCode == EADDRINUSE {
                    throw SandboxError.addressInUse("127.0.0.1:\(options.port)")
                }
                throw SandboxError.server("the server stopped before listening")
            }
            try secrets?.setPort(port)
            let sandbox = KubeSandbox(port: port, certificates: certificates, options: options, store: store, journal: journal,
                                      adminToken: tokens.adminToken)
            await store.bootstrap(rootCA: certificates?.caPEM ?? "")
            group.addTask { await WatchTimerLoop(store: store).run() }
            if options.controllers {
                await store.reconcileControllers(options)
                group.addTask { [options] in await ControllerManager(store: store, options: options).run() }
            }
            do {
                let result = try await body(sandbox)
                await store.dropWatches()
                group.cancelAll()
                return result
            } catch {
                await store.dropWatches()
                group.cancelAll()
                throw error
            }
        }
    }

    /// Server certificate signed by the sandbox CA; client certificates are optional (tokens also
    /// work) but must chain to the sandbox CA when presented.
    private static func tlsConfiguration(_ certificates: SandboxCertificates) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate(bytes: Array(certificates.servingCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(certificates.servingKeyPEM.utf8), format: .pem)
        let ca = try NIOSSLCertificate(bytes: Array(certificates.caPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(chain)], privateKey: .privateKey(key))
        configuration.certificateVerification = .optionalVerification
        configuration.trustRoots = .certificates([ca])
        return configuration
    }
}
