import Admission
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The admission webhook's HTTPS server: a `Service` to run in the operator's `ServiceGroup`
/// (every replica serves, leader or not) or alone (`shipshape webhook`).
///
/// ```swift
/// let server = WebhookServer(
///     handler: AdmissionHandler(checklist: Checklist()),
///     certificate: ServingCertificate(files: .init(directory: "/etc/shipshape/webhook")),
///     configuration: WebhookServerConfiguration(address: try ListenAddress(parsing: "0.0.0.0:9443")),
///     metrics: WebhookMetrics(registry: registry), logger: logger)
/// let group = ServiceGroup(services: [server, operator], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
///
/// `run()` waits for a serving certificate (a Secret volume may still be empty), listens, and
/// returns on graceful shutdown (after in-flight requests finish) or cancellation.
public struct WebhookServer: Service {
    public let handler: AdmissionHandler
    public let certificate: ServingCertificate
    public let configuration: WebhookServerConfiguration
    public let metrics: WebhookMetrics
    /// Called with the bound port once the server listens (useful with port 0).
    public let onListening: @Sendable (Int) async -> Void
    /// How often to look for the serving certificate before the first one is found.
    public let certificatePollInterval: Duration
    let logger: Logger

    public init(handler: AdmissionHandler, certificate: ServingCertificate,
                configuration: WebhookServerConfiguration = WebhookServerConfiguration(), metrics: WebhookMetrics,
                certificatePollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "shipshape.webhook"),
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.handler = handler
        self.certificate = certificate
        self.configuration = configuration
        self.metrics = metrics
        self.certificatePollInterval = certificatePollInterval
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        guard try await waitForCertificate() else { return }
        let tls = try certificate.tlsConfiguration()
        let responder = WebhookResponder(handler: handler, configuration: configuration, metrics: metrics,
                                         limit: InFlightLimit(limit: configuration.maxInFlight), logger: logger)
        let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout)))
        let address = configuration.address
        let app = Application(
            responder: responder, server: try .tls(http1, tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "shipshape-webhook"),
            onServerRunning: { [logger, onListening] channel in
                let port = channel.localAddress?.port ?? address.port
                logger.info("serving admission webhooks", metadata: [
                    "address": "\(ListenAddress(host: address.host, port: port))",
                    "paths": "\(WebhookRoute.allCases.map(\.path).joined(separator: ","))",
                ])
                await onListening(port)
            },
            logger: logger)
        try await app.run()
    }

    /// Polls until a certificate is loaded; false when shut down or cancelled first.
    private func waitForCertificate() async throws -> Bool {
        var reported = false
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try certificate.reload()
                return true
            } catch {
                if !reported {
                    logger.info("waiting for the serving certificate", metadata: ["reason": "\(error)"])
                    reported = true
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: certificatePollInterval) }
        }
        return false
    }
}
