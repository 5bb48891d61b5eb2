import Admission
import Logging
import Prometheus
import ServiceLifecycle

/// A webhook server on an OS-chosen port of 127.0.0.1, as `shipshape dev`, benchmarks and tests
/// run it: `port()` answers once it listens, or nil if it stopped first.
public struct LoopbackWebhookServer: Service {
    public let server: WebhookServer
    private let ports: AsyncStream<Int>
    private let continuation: AsyncStream<Int>.Continuation

    public init(handler: AdmissionHandler, certificate: ServingCertificate,
                configuration: WebhookServerConfiguration = WebhookServerConfiguration(),
                metrics: WebhookMetrics = WebhookMetrics(registry: PrometheusCollectorRegistry()),
                certificatePollInterval: Duration = .seconds(1), logger: Logger) {
        var configuration = configuration
        configuration.address = ListenAddress(host: "127.0.0.1", port: 0)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        self.ports = ports
        self.continuation = continuation
        server = WebhookServer(handler: handler, certificate: certificate, configuration: configuration, metrics: metrics,
                               certificatePollInterval: certificatePollInterval, logger: logger,
                               onListening: { port in
                                   continuation.yield(port)
                                   continuation.finish()
                               })
    }

    public func run() async throws {
        defer { continuation.finish() }
        try await server.run()
    }

    /// The bound port once the server listens; nil when it stopped before (call it once).
    public func port() async -> Int? {
        var iterator = ports.makeAsyncIterator()
        return await iterator.next()
    }
}
