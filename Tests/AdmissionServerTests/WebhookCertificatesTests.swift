import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import AdmissionServer

/// A clock the tests move forward.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(days: Double) { current.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
}

/// Certificates without cert-manager, against the in-memory API server: issuance into the
/// Secret, caBundle injection, create races, rotation.
@Suite(.timeLimit(.minutes(1))) struct WebhookCertificatesTests {
    static let names = WebhookCertificateNames(namespace: "shipshape-system")

    static func withCluster<T>(_ body: (KubeSandbox, KubernetesClient) async throws -> T) async throws -> T {
        try await KubeSandbox.withRunning(SandboxOptions(tls: true, tokens: ["t": AuthenticatedUser(name: "shipshape", groups: ["system:masters"])])) { sandbox in
            let tls = TLSOptions(certificateAuthorityPEM: sandbox.certificates.map { Array($0.caPEM.utf8) })
            let client = try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, tls: tls, credentials: .token("t")))
            _ = try await client.resource(ResourceType.namespaces).create(
                ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(names.namespace)]])
            await sandbox.clearRequests()
            return try await body(sandbox, client)
        }
    }

    static func manager(_ client: KubernetesClient, clock: TestClock? = nil) -> WebhookCertificates {
        WebhookCertificates(client: client, names: names, logger: WebhookHarness.quietLogger, now: { clock?.now ?? Date() })
    }

    /// The configuration Deploy/webhook.yaml installs, reduced to what injection reads.
    static func installWebhookConfiguration(_ client: KubernetesClient) async throws {
        let webhook = { (name: String, path: String) -> JSONValue in
            [
                "name": .string(name), "admissionReviewVersions": ["v1"], "sideEffects": "None",
                "clientConfig": ["service": ["name": "shipshape-webhook", "namespace": "shipshape-system", "path": .string(path), "port": 443]],
                "rules": [["apiGroups": ["apps"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"], "resources": ["deployments"]]],
            ]
        }
        _ = try await client.resource(ResourceType.validatingWebhookConfigurations).create([
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration", "metadata": ["name": "shipshape"],
            "webhooks": [webhook("microservices.shipshape.dev", "/validate-microservice"), webhook("workloads.shipshape.dev", "/validate-workload"),
                         webhook("workloads-warn.shipshape.dev", "/validate-workload/warn")],
        ])
    }

    static func caBundles(_ client: KubernetesClient) async throws -> [String?] {
        let configuration = try await client.resource(ResourceType.validatingWebhookConfigurations).get("shipshape")
        return (configuration["webhooks"]?.arrayValue ?? []).map { webhook in
            webhook["clientConfig"]?["caBundle"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func issuesIntoANewSecretAndInjectsTheCAOnce() async throws {
        try await Self.withCluster { sandbox, client in
            try await Self.installWebhookConfiguration(client)
            let bundle = try await Self.manager(client).ensure()

            let secret = try await client.resource(ResourceType.secrets, namespace: "shipshape-system").get("shipshape-webhook-tls")
            #expect(secret["type"] == "kubernetes.io/tls")
            #expect(secret["metadata"]?["labels"]?["app.kubernetes.io/managed-by"] == "shipshape")
            #expect(Set(secret["data"]?.objectValue?.keys ?? []) == ["ca.crt", "ca.key", "tls.crt", "tls.key"])
            #expect(CertificateBundle(secret: secret) == bundle)
            #expect(try await Self.caBundles(client) == Array(repeating: bundle.caBundle(at: Date()), count: 3))

            await sandbox.clearRequests()
            #expect(try await Self.manager(client).ensure() == bundle)
            #expect(await sandbox.requests().filter(\.isWrite).isEmpty, "a sound Secret and caBundle need no write")
        }
    }

    @Test func replicasRacingToCreateAgreeOnOneBundle() async throws {
        try await Self.withCluster { sandbox, client in
            async let first = Self.manager(client).ensureSecret()
            async let second = Self.manager(client).ensureSecret()
            async let third = Self.manager(client).ensureSecret()
            let bundles = try await [first, second, third]
            #expect(Set(bundles.map(\.certificatePEM)).count == 1)
            let stored = try await client.resource(ResourceType.secrets, namespace: "shipshape-system").get("shipshape-webhook-tls")
            #expect(CertificateBundle(secret: stored) == bundles[0])
            let creates = await sandbox.requests().filter { $0.verb == "create" }
            #expect(creates.count == 3 && creates.filter { $0.status == 201 }.count == 1, "\(creates.map(\.status))")
        }
    }

    @Test func rotationReplacesTheServingCertificateThenTheCAKeepingTheOldOneTrusted() async throws {
        try await Self.withCluster { sandbox, client in
            try await Self.installWebhookConfiguration(client)
            let clock = TestClock(Date())
            let manager = Self.manager(client, clock: clock)
            let issued = try await manager.ensure()

            clock.advance(days: 61)
            await sandbox.clearRequests()
            let rotated = try await manager.ensure()
            #expect(rotated.certificatePEM != issued.certificatePEM)
            #expect(rotated.caCertificatePEM == issued.caCertificatePEM)
            let writes = await sandbox.requests().filter(\.isWrite)
            #expect(writes.map(\.verb) == ["update"] && writes.allSatisfy { $0.path.contains("/secrets/") }, "only the Secret changes: \(writes)")

            clock.advance(days: 4 * 365)
            let renewed = try await manager.ensure()
            #expect(renewed.caCertificatePEM != issued.caCertificatePEM)
            #expect(renewed.previousCACertificatePEM == issued.caCertificatePEM)
            let bundles = try await Self.caBundles(client)
            #expect(bundles.allSatisfy { $0 == renewed.caBundle(at: clock.now) })
            #expect(bundles.first??.components(separatedBy: "BEGIN CERTIFICATE").count == 3, "both CAs are trusted")
        }
    }

    @Test func aWebhookConfigurationNotYetInstalledIsNotAnError() async throws {
        try await Self.withCluster { _, client in
            let bundle = try await Self.manager(client).ensure()
            #expect(try await Self.manager(client).injectCABundle(bundle.caBundle(at: Date())) == false)
            try await Self.installWebhookConfiguration(client)
            #expect(try await Self.manager(client).injectCABundle(bundle.caBundle(at: Date())) == true)
            #expect(try await Self.manager(client).injectCABundle(bundle.caBundle(at: Date())) == false)
        }
    }

    @Test func theServerServesWhatTheManagerIssuedFromMemory() async throws {
        try await Self.withCluster { _, client in
            try await Self.installWebhookConfiguration(client)
            let certificate = ServingCertificate(logger: WebhookHarness.quietLogger)
            let (issued, continuation) = AsyncStream.makeStream(of: CertificateBundle.self)
            let rotation = WebhookCertificateRotation(manager: Self.manager(client), certificate: certificate, logger: WebhookHarness.quietLogger,
                                                      onChange: { continuation.yield($0) })
            try await withThrowingTaskGroup(of: Void.self) { group in
                defer { group.cancelAll() }
                try await WebhookHarness.withServer(certificate: certificate, whileStarting: {
                    #expect(!certificate.isLoaded, "nothing to serve before the manager issued")
                    group.addTask { try await rotation.run() }
                }) { port in
                    var bundles = issued.makeAsyncIterator()
                    let bundle = try #require(await bundles.next())
                    let trusted = try #require(try await Self.caBundles(client).first ?? nil)
                    #expect(trusted == bundle.caBundle(at: Date()))
                    try await WebhookClient.with(trusting: trusted, port: port, verifyHostname: false) { client in
                        let health = try await client.send(.GET, "/healthz", contentType: nil)
                        #expect(health.status == 200)
                    }
                }
            }
        }
    }
}
