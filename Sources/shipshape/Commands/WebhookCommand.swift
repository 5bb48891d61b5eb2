import Admission
import AdmissionServer
import ArgumentParser
import Checklist
import Foundation
import KubeClient
import Logging
import Prometheus
import ServiceLifecycle

/// `shipshape webhook`: serves the admission webhook alone until SIGTERM or SIGINT (exit 0),
/// with the same webhook, cluster and logging options as `shipshape run`.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Serve the admission webhook over HTTPS until SIGTERM or SIGINT.",
        discussion: """
            Endpoints: POST /validate-microservice, /validate-workload (namespaces labelled \\
            shipshape.dev/checklist=enforce), /validate-workload/warn (=warn), and GET /healthz.

            The serving certificate comes from files (--webhook-cert-dir, or --webhook-cert-file and \\
            --webhook-key-file), re-read when they change, or is self-issued \\
            (--webhook-self-signed-secret NAMESPACE/NAME): a CA and serving certificate are kept in \\
            that Secret, rotated before expiry, the CA is injected into the \\
            ValidatingWebhookConfiguration's caBundle, and the certificate is served from memory.

            Every option can also be set by the environment variable named in its help; the command \\
            line wins. The options are the same as `shipshape run`'s.

            Exit codes: 0 stopped by SIGTERM or SIGINT, 2 invalid options or environment values, \\
            3 a failure (the kubeconfig cannot be loaded, the server stopped).
            """
    )

    @OptionGroup(title: "Admission webhook") var webhook: WebhookArguments

    @OptionGroup(title: "Cluster (with --webhook-self-signed-secret)") var connection: KubeconfigArguments

    @OptionGroup(title: "Logging") var logging: LoggingArguments

    @OptionGroup var deprecated: DeprecatedWebhookFlags

    /// The webhook's settings from the flags, else `environment`, else the defaults.
    struct Settings: Equatable {
        var serving: WebhookArguments.Serving
        var logLevel: Logger.Level
        var logFormat: LogFormat
    }

    func settings(environment: [String: String]) throws(ValidationError) -> Settings {
        var resolver = OptionResolver(environment: environment)
        let webhook = deprecated.applied(to: self.webhook, &resolver)
        let serving = webhook.serving(&resolver, defaultAddress: "0.0.0.0:9443")
        if case .files? = serving?.certificate, connection.isGiven {
            resolver.problem("--kubeconfig and --context are for --webhook-self-signed-secret")
        }
        let logging = self.logging.resolve(&resolver)
        try resolver.check("webhook")
        guard let serving else { throw ValidationError("shipshape webhook: nothing to serve") }
        return Settings(serving: serving, logLevel: logging.level, logFormat: logging.format)
    }

    func validate() throws {
        _ = try settings(environment: ProcessInfo.processInfo.environment)
    }

    func run() async throws {
        let settings = try self.settings(environment: ProcessInfo.processInfo.environment)
        for (old, new) in deprecated.used { Terminal.note("warning: \(old) is deprecated; use \(new)") }
        settings.logFormat.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "shipshape.webhook")
        let certificates: WebhookCertificateSource
        switch settings.serving.certificate {
        case .selfIssued(let names):
            certificates = .selfIssued(WebhookCertificates(client: try kubernetesClient(logger: logger), names: names, logger: logger))
        case .files(let files):
            certificates = .files(files)
        }
        let services = WebhookServer.services(
            handler: AdmissionHandler(checklist: Checklist()), certificates: certificates,
            configuration: WebhookServerConfiguration(address: settings.serving.address),
            metrics: WebhookMetrics(registry: PrometheusCollectorRegistry()), logger: logger)
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch {
            throw CLIError.failure(["shipshape webhook: \(error)"])
        }
    }

    /// The kubeconfig as kubectl finds it, or in a pod without one the service account.
    private func kubernetesClient(logger: Logger) throws(CLIError) -> KubernetesClient {
        do {
            return try KubernetesClient(configuration: try connection.configuration(), logger: logger)
        } catch {
            throw CLIError.failure(["shipshape webhook: \(error)"])
        }
    }
}
