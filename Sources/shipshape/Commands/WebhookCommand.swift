import Admission
import AdmissionServer
import ArgumentParser
import Checklist
import Foundation
import KubeClient
import Logging
import Prometheus
import ServiceLifecycle

/// `shipshape webhook`: serves the admission webhook alone until SIGTERM or SIGINT (exit 0).
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Serve the admission webhook over HTTPS until SIGTERM or SIGINT.",
        discussion: """
            Endpoints: POST /validate-microservice, /validate-workload (namespaces labelled \
            shipshape.dev/checklist=enforce), /validate-workload/warn (=warn), and GET /healthz.

            The serving certificate comes from files (--cert-dir, or --cert-file and --key-file), \
            re-read when they change, or is self-issued (--self-signed-secret NAMESPACE/NAME): a CA \
            and serving certificate are kept in that Secret, rotated before expiry, the CA is \
            injected into the ValidatingWebhookConfiguration's caBundle, and the certificate is \
            served from memory. Each flag can also be set with the SHIPSHAPE_* variable named in \
            its help.
            """
    )

    static let environment = ProcessInfo.processInfo.environment

    @Option(help: "Listen address, HOST:PORT (SHIPSHAPE_WEBHOOK_ADDRESS).")
    var address: String = environment["SHIPSHAPE_WEBHOOK_ADDRESS"] ?? "0.0.0.0:9443"

    @Option(help: "Directory with tls.crt and tls.key, as a Secret is mounted (SHIPSHAPE_WEBHOOK_CERT_DIR; default /etc/shipshape/webhook).")
    var certDir: String?

    @Option(help: "Serving certificate chain (PEM); use with --key-file.")
    var certFile: String?

    @Option(help: "Serving private key (PEM); use with --cert-file.")
    var keyFile: String?

    @Option(help: "Self-issue into this Secret, NAMESPACE/NAME (SHIPSHAPE_WEBHOOK_SELF_SIGNED_SECRET).")
    var selfSignedSecret: String?

    @Option(help: "With --self-signed-secret: the Service the certificate names.")
    var service = "shipshape-webhook"

    @Option(help: "With --self-signed-secret: the ValidatingWebhookConfiguration that gets the caBundle.")
    var webhookConfiguration = "shipshape"

    @Option(help: "Kubeconfig file (with --self-signed-secret; in a pod the service account is used).")
    var kubeconfig: String?

    @Option(help: "Kubeconfig context.")
    var context: String?

    @Option(help: "text or json (SHIPSHAPE_LOG_FORMAT).")
    var logFormat: LogFormat = environment["SHIPSHAPE_LOG_FORMAT"].flatMap(LogFormat.init(rawValue:)) ?? .text

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    /// Where the serving certificate comes from: the flags, else the environment, else the
    /// directory the Deployment mounts.
    enum CertificateSource: Equatable {
        case files(ServingCertificate.Files)
        case selfSigned(String)
    }

    func certificateSource() throws -> CertificateSource {
        if (certFile == nil) != (keyFile == nil) { throw ValidationError("--cert-file and --key-file go together") }
        let chosen = [certDir != nil, certFile != nil, selfSignedSecret != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose one of --cert-dir, --cert-file/--key-file and --self-signed-secret") }
        if let certFile, let keyFile { return .files(.init(certificate: certFile, key: keyFile)) }
        if let certDir { return .files(.init(directory: certDir)) }
        if let secret = selfSignedSecret ?? Self.environment["SHIPSHAPE_WEBHOOK_SELF_SIGNED_SECRET"] { return .selfSigned(secret) }
        return .files(.init(directory: Self.environment["SHIPSHAPE_WEBHOOK_CERT_DIR"] ?? "/etc/shipshape/webhook"))
    }

    func validate() throws {
        _ = try listenAddress()
        switch try certificateSource() {
        case .selfSigned(let secret): _ = try WebhookFlags.certificateNames(secret: secret)
        case .files:
            if kubeconfig != nil || context != nil { throw ValidationError("--kubeconfig and --context are for --self-signed-secret") }
        }
    }

    func run() async throws {
        logFormat.bootstrap(level: logLevel)
        let logger = Logger(label: "shipshape.webhook")
        let certificates: WebhookCertificateSource
        switch try certificateSource() {
        case .selfSigned(let secret):
            certificates = .selfIssued(WebhookCertificates(client: try kubernetesClient(logger: logger), names: try WebhookFlags.certificateNames(secret: secret, service: service, webhookConfiguration: webhookConfiguration), logger: logger))
        case .files(let files):
            certificates = .files(files)
        }
        let services = WebhookServer.services(
            handler: AdmissionHandler(checklist: Checklist()), certificates: certificates,
            configuration: WebhookServerConfiguration(address: try listenAddress()),
            metrics: WebhookMetrics(registry: PrometheusCollectorRegistry()), logger: logger)
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch {
            throw CLIError.invalidInput(["shipshape webhook: \(error)"], exitCode: 1)
        }
    }

    private func listenAddress() throws -> ListenAddress {
        do { return try ListenAddress(parsing: address) } catch { throw ValidationError("--address: \(error)") }
    }

    /// The kubeconfig as kubectl finds it, or in a pod without one the service account.
    private func kubernetesClient(logger: Logger) throws -> KubernetesClient {
        do {
            let configuration = try ClientConfiguration.resolve(kubeconfig: kubeconfig, context: context, environment: Self.environment)
            return try KubernetesClient(configuration: configuration, logger: logger)
        } catch {
            throw CLIError.invalidInput(["shipshape webhook: \(error)"], exitCode: 1)
        }
    }
}
