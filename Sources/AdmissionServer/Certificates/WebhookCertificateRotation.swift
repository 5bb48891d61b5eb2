import Logging
import ServiceLifecycle

/// Keeps the self-issued certificates current while the webhook runs: `ensure()` now and every
/// `interval` (every replica may do this), serving each new bundle from memory at once rather
/// than waiting for the kubelet to update a Secret volume. A failure is logged and retried
/// after `retryInterval`; the last good certificate stays in service.
public struct WebhookCertificateRotation: Service {
    public let manager: WebhookCertificates
    public let certificate: ServingCertificate
    public let interval: Duration
    public let retryInterval: Duration
    /// Called after each new bundle is served (to write files, to count rotations).
    public let onChange: @Sendable (CertificateBundle) async -> Void
    let logger: Logger

    public init(manager: WebhookCertificates, certificate: ServingCertificate, interval: Duration = .seconds(600),
                retryInterval: Duration = .seconds(30), logger: Logger = Logger(label: "shipshape.webhook.certificates"),
                onChange: @escaping @Sendable (CertificateBundle) async -> Void = { _ in }) {
        self.manager = manager
        self.certificate = certificate
        self.interval = interval
        self.retryInterval = retryInterval
        self.logger = logger
        self.onChange = onChange
    }

    public func run() async throws {
        var served: CertificateBundle?
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let wait: Duration
            do {
                served = try await refresh(served)
                wait = interval
            } catch {
                logger.error("cannot ensure the webhook certificates; retrying", metadata: ["error": "\(error)"])
                wait = retryInterval
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
        }
    }

    /// One round: ensure, and serve the bundle if it is not the one already served.
    func refresh(_ served: CertificateBundle?) async throws(WebhookError) -> CertificateBundle {
        let bundle = try await manager.ensure()
        guard bundle != served else { return bundle }
        try certificate.replace(certificatePEM: bundle.certificatePEM, privateKeyPEM: bundle.keyPEM)
        await onChange(bundle)
        return bundle
    }
}
