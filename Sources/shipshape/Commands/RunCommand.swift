import ArgumentParser
import Controller
import Foundation
import KubeClient
import Logging
import OperatorServing
import ServiceLifecycle

/// `shipshape run`: the operator. Every option also reads `SHIPSHAPE_<OPTION>` from the
/// environment (`SHIPSHAPE_LEADER_ELECT=true`, `SHIPSHAPE_NAMESPACE=a,b`); a flag on the
/// command line wins. The options are checked in `validate()`, before anything starts.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the operator: reconcile Microservices into their children and keep them true.",
        discussion: """
            Connects with --kubeconfig/--context, or in-cluster when neither is given and \
            KUBERNETES_SERVICE_HOST is set. Serves /metrics, /healthz and /readyz on --metrics-address, \
            and the admission webhook with --webhook-address (the same options as `shipshape webhook`). \
            SIGTERM or SIGINT stops taking work, lets in-flight reconciles finish within \
            --shutdown-timeout, releases the Lease and exits 0.

            Every option can also be set by the environment variable named in its help; the command \
            line wins. POD_NAMESPACE and POD_NAME (from the Downward API) are the defaults of \
            --lease-namespace and --identity.

            Exit codes: 0 stopped by SIGTERM or SIGINT, 2 invalid options or environment values, \
            3 a failure (the kubeconfig cannot be loaded, a port is in use, a server stopped).
            """)

    @OptionGroup(title: "Cluster") var connection: KubeconfigArguments

    @Option(name: .customLong("namespace"),
            help: OptionResolver.help("A namespace to watch; repeat for several (comma-separated in the variable)", flag: "namespace", default: "all"))
    var namespaces: [String] = []

    @Option(help: OptionResolver.help("Reconciles running at once", flag: "concurrency", default: "4"))
    var concurrency: Int?

    @Option(help: OptionResolver.help("HOST:PORT for /metrics, /healthz and /readyz over plain HTTP", flag: "metrics-address", default: "0.0.0.0:8080"))
    var metricsAddress: String?

    @Flag(inversion: .prefixedNo, help: OptionResolver.help("Elect one active replica on a Lease", flag: "leader-elect", default: "off"))
    var leaderElect: Bool?

    @Option(help: OptionResolver.help("The Lease's name", flag: "lease-name", default: "shipshape-operator"))
    var leaseName: String?

    @Option(help: OptionResolver.help("The Lease's namespace", flag: "lease-namespace", default: "$POD_NAMESPACE, or the in-cluster namespace"))
    var leaseNamespace: String?

    @Flag(inversion: .prefixedNo,
          help: OptionResolver.help("Watch referenced Secrets' metadata so a rotation rolls the pods; --no-secret-rotation needs no RBAC access to Secrets", flag: "secret-rotation", default: "on"))
    var secretRotation: Bool?

    @Option(name: .customLong("mesh-mtls"),
            help: OptionResolver.help("strict: require Istio mTLS for every Microservice that does not set mesh.mtls: disabled, where security.istio.io/v1 is served", flag: "mesh-mtls", default: "only where mesh.mtls is strict"))
    var meshMTLS: ExtensionArguments.MeshDefault?

    @Option(help: OptionResolver.help("This replica's identity in the Lease and in Events", flag: "identity", default: "$POD_NAME, or the host name and a random suffix"))
    var identity: String?

    @Option(help: OptionResolver.help("Seconds in-flight reconciles get to finish on shutdown", flag: "shutdown-timeout", default: "25"))
    var shutdownTimeout: Int?

    @OptionGroup(title: "Admission webhook") var webhook: WebhookArguments

    @OptionGroup(title: "Logging") var logging: LoggingArguments

    func validate() throws {
        _ = try settings(environment: ProcessInfo.processInfo.environment)
    }

    func run() async throws {
        let settings = try self.settings(environment: ProcessInfo.processInfo.environment)
        settings.logFormat.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "shipshape.operator")
        let client: KubernetesClient, electionClient: KubernetesClient
        let metrics = OperatorMetrics()
        do {
            let configuration = try connection.configuration()
            client = try KubernetesClient(
                configuration: configuration, transport: MeteredTransport(CurlTransport(), metrics: metrics), logger: logger)
            // Lease requests fail fast (no retries, short timeout), so a leader notices in time that it cannot renew.
            electionClient = try KubernetesClient(
                configuration: configuration, options: ClientOptions(requestTimeout: .seconds(5), retry: .never),
                transport: MeteredTransport(CurlTransport(), metrics: metrics), logger: logger)
        } catch {
            throw CLIError.failure(["shipshape run: \(error)"])
        }
        var operatorSettings = OperatorSettings(
            namespaces: settings.namespaces, workers: settings.concurrency, shutdownTimeout: .seconds(settings.shutdownTimeout),
            identity: settings.identity,
            leaderElection: settings.leaseNamespace.map { OperatorSettings.LeaseSettings(namespace: $0, name: settings.leaseName) },
            secretRotation: settings.secretRotation)
        operatorSettings.meshMTLSByDefault = settings.meshMTLSByDefault
        let shipshape = Operator(client: client, electionClient: electionClient, settings: operatorSettings, metrics: metrics, logger: logger)
        let health = HealthServer.make(host: settings.metricsAddress.host, port: settings.metricsAddress.port, metrics: metrics,
                                       isReady: { shipshape.isReady },
                                       onListening: { port in logger.info("serving /metrics, /healthz and /readyz", metadata: ["port": "\(port)"]) },
                                       logger: logger)
        // The admission webhook is served on every replica, leader or not, beside the health
        // server, so it keeps answering until the controller has drained.
        let servingServices: [any ServiceLifecycle.Service] = [health]
            + webhookServices(settings.webhook, client: client, metrics: metrics, logger: logger)
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
            throw CLIError.failure([])
        }
        logger.info("stopped")
    }
}
