import Controller
import Foundation
import KubeClient
import KubeModel
import Synchronization
import Testing

/// The operator's transport with an off switch: while the API server is "down", every new
/// request fails to connect, as against a restarting kube-apiserver.
final class OutageTransport: HTTPTransport {
    private let inner: CurlTransport
    private let down = Mutex(false)

    init() throws { inner = try CurlTransport() }

    func setDown(_ value: Bool) { down.withLock { $0 = value } }

    private func check() throws {
        if down.withLock({ $0 }) { throw KubeError.transport(TransportError(kind: .connect, curlCode: 7, message: "Connection refused")) }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try check()
        return try await inner.send(request)
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try check()
        return try await inner.stream(request)
    }
}

@Suite("Recovery after an API server restart", .serialized)
struct RecoveryTests {
    /// An API server restart as the operator sees it: every watch ends and connections are
    /// refused for `outage`; then the server is back (its /readyz answers ok) but the first list
    /// of Microservices gets 429 "storage is (re)initializing" with Retry-After 1, and the first
    /// lists of Deployments a 403 (the authorizer's caches are not synced yet). A change a user
    /// makes at that moment must converge within 3 s.
    @Test("a change made when the API server is back converges within 3 s")
    func changeConvergesAfterRestart() async throws {
        try await Harness.withSandbox { harness in
            let transport = try OutageTransport()
            let client = try KubernetesClient(
                configuration: ClientConfiguration(server: harness.sandbox.url, credentials: .token(harness.sandbox.adminToken)),
                transport: transport, logger: Harness.logger("client"))
            let shipshape = Operator(client: client, settings: OperatorSettings(identity: "operator-0"), logger: Harness.logger("operator-0"))
            try await harness.withOperator(shipshape) { shipshape in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("the Deployment") { try await harness.get(.deployments, "hello") != nil }
                try await harness.settle(shipshape)

                transport.setDown(true)
                await harness.sandbox.dropWatches()
                // The outage lasts this long (the span being simulated, not a synchronization).
                try await Task.sleep(for: Self.outage)
                await harness.sandbox.failNext(1, status: 429, retryAfterSeconds: 1, method: "GET", pathContains: "v1alpha1/microservices")
                await harness.sandbox.failNext(2, status: 403, method: "GET", pathContains: "apps/v1/deployments")
                transport.setDown(false)
                let ready = ContinuousClock.now

                try await harness.mergePatch("hello", ["spec": ["replicas": 3]])
                try await eventually("the change converged", timeout: .seconds(60)) {
                    try await harness.get(.deployments, "hello")?["spec"]?["replicas"]?.intValue == 3
                }
                let converged = ContinuousClock.now - ready
                print("== recovery: change converged \(converged) after /readyz (outage \(Self.outage))")
                #expect(converged < .seconds(3))
            }
        }
    }

    static let outage = Duration.seconds(10)
}
