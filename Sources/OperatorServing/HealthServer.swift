import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The plain-HTTP endpoint for Prometheus and the kubelet: `/metrics` (Prometheus text),
/// `/healthz` (the process is alive) and `/readyz` (the caches have synced).
public enum HealthServer {
    /// A Hummingbird application (a Service) on `host:port`; `onListening` learns the bound port
    /// (useful with port 0).
    public static func make(host: String, port: Int, metrics: any MetricsExposition, isReady: @escaping @Sendable () -> Bool,
                            onListening: @escaping @Sendable (Int) async -> Void = { _ in }, logger: Logger) -> some ServiceLifecycle.Service {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { _, _ in
            isReady()
                ? Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
                : Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "caches not synced\n")))
        }
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "shipshape"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
