import ArgumentParser
import Controller
import Foundation
import KubeClient
import Logging
import ServiceLifecycle

/// `shipshape run`: the operator. Every option also reads `SHIPSHAPE_<OPTION>` from the
/// environment (`SHIPSHAPE_LEADER_ELECT=true`, `SHIPSHAPE_NAMESPACE=a,b`); a flag on the
/// command line wins.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the operator: reconcile Microservices into their children and keep them true.",
        discussion: """
            Connects with --kubeconfig/--context, or in-cluster when neither is given and \
            KUBERNETES_SERVICE_HOST is set. Serves /metrics, /healthz and /readyz on --metrics-address. \
            SIGTERM or SIGINT stops taking work, lets in-flight reconciles finish within \
            --shutdown-timeout, releases the Lease and exits 0.
            """)

    @Option(help: "The kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context (default: its current context).")
    var context: String?

    @Option(name: .customLong("namespace"), help: "A namespace to watch; repeat for several (default: all).")
    var namespaces: [String] = []

    @Option(help: "Reconciles running at once (default: 4).")
    var concurrency: Int?

    @Option(help: "host:port for /metrics, /healthz and /readyz over plain HTTP (default: 0.0.0.0:8080).")
    var metricsAddress: String?

    @Flag(inversion: .prefixedNo, help: "Elect one active replica on a Lease (default: off).")
    var leaderElect: Bool?

    @Option(help: "The Lease's name (default: shipshape-operator).")
    var leaseName: String?

    @Option(help: "The Lease's namespace (default: $POD_NAMESPACE, or the in-cluster namespace).")
    var leaseNamespace: String?

    @Flag(inversion: .prefixedNo, help: "Watch referenced Secrets' metadata so a rotation rolls the pods; --no-secret-rotation needs no RBAC access to Secrets (default: on).")
    var secretRotation: Bool?

    @Option(name: .customLong("mesh-mtls"), help: "strict: require Istio mTLS for every Microservice that does not set mesh.mtls: disabled, where security.istio.io/v1 is served (default: only where mesh.mtls is strict).")
    var meshMTLS: ExtensionArguments.MeshDefault?

    @Option(help: "This replica's identity in the Lease and in Events (default: $POD_NAME, or the host name and a random suffix).")
    var identity: String?

    @Option(help: "Seconds in-flight reconciles get to finish on shutdown (default: 25).")
    var shutdownTimeout: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (default: info).")
    var logLevel: String?

    @Option(help: "auto (text on a terminal, JSON otherwise), json or text (default: auto).")
    var logFormat: String?

    @Option(help: "host:port to serve the HTTPS admission webhook on, on every replica (default: not served).")
    var webhookAddress: String?

    @Option(help: "The directory with the webhook's tls.crt and tls.key, re-read when they change (default: /etc/shipshape/webhook).")
    var webhookCertDir: String?

    @Option(help: "Issue the webhook's certificate into this Secret (NAMESPACE/NAME), inject its CA into the ValidatingWebhookConfiguration shipshape and rotate it, instead of reading --webhook-cert-dir.")
    var webhookSelfSignedSecret: String?

    func run() async throws {
        let settings = try resolved(ProcessInfo.processInfo.environment)
        let logger = settings.logger
        let client: KubernetesClient, electionClient: KubernetesClient
        let metrics = OperatorMetrics()
        do {
            let configuration = try settings.clientConfiguration()
            client = try KubernetesClient(
                configuration: configuration, transport: MeteredTransport(CurlTransport(), metrics: metrics), logger: logger)
            // Lease requests fail fast (no retries, short timeout), so a leader notices in time that it cannot renew.
            electionClient = try KubernetesClient(
                configuration: configuration, options: ClientOptions(requestTimeout: .seconds(5), retry: .never),
                transport: MeteredTransport(CurlTransport(), metrics: metrics), logger: logger)
        } catch {
            throw CLIError.invalidInput(["shipshape run: \(error)"], exitCode: 2)
        }
        var operatorSettings = OperatorSettings(
            namespaces: settings.namespaces, workers: settings.concurrency, shutdownTimeout: .seconds(settings.shutdownTimeout),
            identity: settings.identity,
            leaderElection: settings.leaseNamespace.map { OperatorSettings.LeaseSettings(namespace: $0, name: settings.leaseName) },
            secretRotation: settings.secretRotation)
        operatorSettings.meshMTLSByDefault = settings.meshMTLSByDefault
        let shipshape = Operator(client: client, electionClient: electionClient, settings: operatorSettings, metrics: metrics, logger: logger)
        let health = HealthServer.make(host: settings.metricsHost, port: settings.metricsPort, metrics: metrics,
                                       isReady: { shipshape.isReady }, logger: logger)
        // The admission webhook is served on every replica, leader or not, beside the health
        // server, so it keeps answering until the controller has drained.
        let servingServices: [any ServiceLifecycle.Service] = [health]
            + (try webhookServices(environment: settings.environment, client: client, metrics: metrics, logger: logger))
        var group = ServiceGroupConfiguration(
            services: shipshape.services(after: servingServices), gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(settings.shutdownTimeout + 10)
        logger.info("starting", metadata: [
            "identity": "\(settings.identity)", "namespaces": "\(settings.namespaces?.joined(separator: ",") ?? "all")",
            "leaderElection": "\(settings.leaseNamespace.map { "\($0)/\(settings.leaseName)" } ?? "off")",
            "secretRotation": "\(settings.secretRotation ? "on" : "off")",
            "meshMTLS": "\(settings.meshMTLSByDefault ? "strict" : "per Microservice")",
        ])
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            logger.error("stopped: \(error)")
            throw CLIError.invalidInput([], exitCode: 1)
        }
        logger.info("stopped")
    }
}
