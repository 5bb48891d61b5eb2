import Admission
import AdmissionServer
import Certificates
import Checklist
import Controller
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import KubeSchema
import Logging
import ServiceLifecycle
import ShipshapeAPI
import Synchronization

/// What `shipshape dev` runs in one process: the admission webhook (a self-issued certificate),
/// KubeSandbox over HTTPS with the CRD and the webhook registered, and the operator.
final class DevCluster: Sendable {
    /// The sandbox's admin, trusting its CA.
    let client: KubernetesClient
    private let shipshape: Operator
    private let operatorRun: Task<Void, Never>
    private let stopped: StopFlag

    private init(client: KubernetesClient, shipshape: Operator, operatorRun: Task<Void, Never>, stopped: StopFlag) {
        self.client = client
        self.shipshape = shipshape
        self.operatorRun = operatorRun
        self.stopped = stopped
    }

    /// True once SIGINT or SIGTERM stopped the operator.
    var isStopping: Bool { stopped.isSet }

    /// The operator's caches have synced and its work queue is empty.
    var operatorIsIdle: Bool {
        get async { shipshape.isReady ? await !shipshape.queue.hasWork : false }
    }

    /// Returns when SIGINT or SIGTERM has stopped the operator.
    func waitUntilStopped() async { await operatorRun.value }

    /// Starts everything, runs `body`, then stops everything (the operator gracefully).
    static func run(_ settings: DevSettings, _ body: (DevCluster) async throws -> Void) async throws {
        let logger = settings.logger
        let schemas = try loadSchemas(settings.schemasDirectory)
        let (ca, certificate) = try webhookCertificate(dataDirectory: settings.dataDirectory, logger: logger)
        let webhook = LoopbackWebhookServer(handler: AdmissionHandler(checklist: Checklist()), certificate: certificate,
                                            logger: logger)
        // The webhook stops after the sandbox, its only caller. Its graceful shutdown waits for
        // TLS close_notify from the sandbox's idle pooled connection (NIOSSL waits 5 s), so it gets
        // a second, and whatever is left ends with the process.
        let webhookGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [webhook], logger: logger))
        let (webhookEnded, webhookEnd) = AsyncStream.makeStream(of: Void.self)
        let webhookRun = Task {
            defer { webhookEnd.finish() }
            return try await webhookGroup.run()
        }
        var failure: (any Error)?
        if let webhookPort = await webhook.port() {
            var options = SandboxOptions(tls: true, schemas: schemas, port: settings.port,
                                         serviceAddresses: [DevWebhookConfiguration.service: "127.0.0.1:\(webhookPort)"])
            options.dataDirectory = settings.dataDirectory
            options.simulateKubelet = settings.simulate
            options.horizontalPodAutoscaling = true
            do {
                try await KubeSandbox.withRunning(options) { sandbox in
                    try await serve(sandbox, settings: settings, webhookCA: ca, body)
                }
            } catch SandboxError.addressInUse(let address) {
                let remembered = settings.port == 0 && settings.dataDirectory != nil
                    ? " (the port \(settings.dataDirectory ?? "") served last, as its kubeconfig says; choose another with --port)" : ""
                failure = CLIError.failure(["shipshape dev: --port: \(address) is already in use\(remembered)"])
            } catch SandboxError.storage(let message) {
                failure = CLIError.failure(["shipshape dev: --data-dir: \(message)"])
            } catch {
                failure = error
            }
        } else {
            var reason = ""
            if case .failure(let error) = await webhookRun.result { reason = ": \(error)" }
            failure = CLIError.failure(["shipshape dev: the admission webhook stopped before listening\(reason)"])
        }
        await webhookGroup.triggerGracefulShutdown()
        await withTaskGroup(of: Void.self) { race in
            race.addTask { for await _ in webhookEnded {} }
            race.addTask { try? await Task.sleep(for: .seconds(1)) }
            await race.next()
            race.cancelAll()
        }
        if let failure { throw failure }
    }

    private static func serve(_ sandbox: KubeSandbox, settings: DevSettings, webhookCA: CertificateAuthority,
                              _ body: (DevCluster) async throws -> Void) async throws {
        let logger = settings.logger
        try writeKubeconfig(sandbox, to: settings.kubeconfigPath)
        let configuration = ClientConfiguration(
            server: sandbox.url, tls: TLSOptions(certificateAuthorityPEM: sandbox.certificates.map { Array($0.caPEM.utf8) }),
            credentials: .token(sandbox.adminToken))
        let client = try KubernetesClient(configuration: configuration, logger: logger)
        try await install(client, webhookCA: webhookCA)

        let shipshape = Operator(
            client: try KubernetesClient(configuration: configuration, logger: logger),
            settings: OperatorSettings(identity: "shipshape-dev", secretRotation: true), logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: shipshape.services(after: []), gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
            logger: logger))
        let stopped = StopFlag()
        let operatorRun = Task {
            do { try await group.run() } catch { logger.error("the operator stopped: \(error)") }
            stopped.set()
        }
        let cluster = DevCluster(client: client, shipshape: shipshape, operatorRun: operatorRun, stopped: stopped)
        do {
            try await body(cluster)
        } catch {
            await group.triggerGracefulShutdown()
            await operatorRun.value
            throw error
        }
        await group.triggerGracefulShutdown()
        await operatorRun.value
    }

    private static func loadSchemas(_ directory: String?) throws -> OpenAPISchemas? {
        guard let directory else {
            Terminal.note("note: no Kubernetes OpenAPI schemas (--schemas DIR): built-in kinds are not validated; use kubectl with --validate=false")
            return nil
        }
        do { return try OpenAPISchemas(directory: directory) } catch {
            throw CLIError.invalidInput(["shipshape dev: --schemas: \(error)"])
        }
    }

    /// A CA the sandbox trusts through caBundle (kept in the data directory, when there is one,
    /// so the webhook configuration stays as it is across restarts), and the webhook Service's
    /// serving certificate.
    private static func webhookCertificate(dataDirectory: String?, logger: Logger) throws -> (CertificateAuthority, ServingCertificate) {
        do {
            let ca = try dataDirectory.map(DevWebhookAuthority.init).map { try $0.load() }
                ?? CertificateAuthority(commonName: "shipshape-dev-webhook-ca", now: Date())
            let name = DevWebhookConfiguration.serviceDNSName
            let issued = try ca.serverCertificate(commonName: "shipshape-webhook", dnsNames: [name, name + ".cluster.local"], now: Date())
            let certificate = try ServingCertificate(certificatePEM: issued.certificatePEM, privateKeyPEM: issued.privateKeyPEM, logger: logger)
            return (ca, certificate)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.internal("cannot issue the webhook's certificate: \(error)")
        }
    }

    /// An admin kubeconfig (a client certificate in system:masters), readable by its owner only.
    private static func writeKubeconfig(_ sandbox: KubeSandbox, to path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try sandbox.writeKubeconfig(to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw CLIError.failure(["shipshape dev: --kubeconfig-out: cannot write \(path): \(error)"])
        }
    }

    /// The CRD (served before this returns), namespace shipshape-system and the webhook configuration.
    /// Applied (the namespace created when missing), so a restart on a data directory that has
    /// them writes only what changed.
    private static func install(_ client: KubernetesClient, webhookCA: CertificateAuthority) async throws {
        _ = try await client.resource(.customResourceDefinitions).apply(try CustomResourceDefinition.microservices(), fieldManager: "shipshape-dev", force: true)
        do {
            _ = try await client.resource(.namespaces).create([
                "apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shipshape-system"],
            ])
        } catch let error as KubeError where error.isAlreadyExists {}
        _ = try await client.resource(.validatingWebhookConfigurations)
            .apply(try DevWebhookConfiguration.object(caBundlePEM: webhookCA.certificatePEM), fieldManager: "shipshape-dev", force: true)
        let deadline = ContinuousClock.now + .seconds(10)
        while try await !client.isServed(.microservices) {
            guard ContinuousClock.now < deadline else { throw CLIError.internal("the Microservice CRD was not served within 10s") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A flag set once, read from any task.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
