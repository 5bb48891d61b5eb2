import AdmissionServer
import Foundation
import NIOHTTP1
import Testing

/// The serving certificate is re-read from its files when they change (the kubelet's symlink
/// swap), with no restart; a broken update keeps the last good pair in service.
@Suite(.timeLimit(.minutes(1))) struct CertificateReloadTests {
    @Test func aRotatedCertificateIsServedWithoutARestart() async throws {
        var directory = try CertificateDirectory()
        defer { directory.remove() }
        let (oldCA, oldServing) = try CertificateDirectory.issue()
        let (newCA, newServing) = try CertificateDirectory.issue()
        try directory.publish(certificatePEM: oldServing.certificatePEM, keyPEM: oldServing.privateKeyPEM)
        let certificate = ServingCertificate(files: .init(directory: directory.path), recheckInterval: .zero, logger: WebhookHarness.quietLogger)

        try await WebhookHarness.withServer(certificate: certificate) { port in
            try await WebhookClient.with(trusting: newCA.certificatePEM, port: port) { client in
                await #expect(throws: (any Error).self, "the new CA must not verify the old certificate") {
                    try await client.send(.GET, "/healthz", contentType: nil)
                }
            }
            try await WebhookClient.with(trusting: oldCA.certificatePEM, port: port) { client in
                let health = try await client.send(.GET, "/healthz", contentType: nil)
                #expect(health.status == 200)
            }

            try directory.publish(certificatePEM: newServing.certificatePEM, keyPEM: newServing.privateKeyPEM)

            try await WebhookClient.with(trusting: newCA.certificatePEM, port: port) { client in
                #expect(try await client.send(.GET, "/healthz", contentType: nil).status == 200)
                let review = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml"))
                #expect(review.json?["response"]?["allowed"] == true)
            }
            try await WebhookClient.with(trusting: oldCA.certificatePEM, port: port) { client in
                await #expect(throws: (any Error).self, "the old certificate must be out of service") {
                    try await client.send(.GET, "/healthz", contentType: nil)
                }
            }
        }
    }

    @Test func aBrokenUpdateKeepsTheLastGoodPair() async throws {
        var directory = try CertificateDirectory()
        defer { directory.remove() }
        let (ca, serving) = try CertificateDirectory.issue()
        let (_, other) = try CertificateDirectory.issue()
        try directory.publish(certificatePEM: serving.certificatePEM, keyPEM: serving.privateKeyPEM)
        let certificate = ServingCertificate(files: .init(directory: directory.path), recheckInterval: .zero, logger: WebhookHarness.quietLogger)

        try await WebhookHarness.withServer(certificate: certificate) { port in
            try await WebhookClient.with(trusting: ca.certificatePEM, port: port) { client in
                // A key that belongs to another certificate, then text that is not PEM at all.
                try directory.publish(certificatePEM: serving.certificatePEM, keyPEM: other.privateKeyPEM)
                #expect(try await client.send(.GET, "/healthz", contentType: nil).status == 200)
                #expect(throws: WebhookError.self) { try certificate.reload() }
                try directory.publish(certificatePEM: "not a certificate", keyPEM: "not a key")
                #expect(try await client.send(.GET, "/healthz", contentType: nil).status == 200)
            }
        }
    }

    @Test func theServerWaitsForItsFirstCertificate() async throws {
        var directory = try CertificateDirectory()
        defer { directory.remove() }
        let (ca, serving) = try CertificateDirectory.issue()
        let certificate = ServingCertificate(files: .init(directory: directory.path), recheckInterval: .zero, logger: WebhookHarness.quietLogger)
        #expect(!certificate.isLoaded)

        try await WebhookHarness.withServer(certificate: certificate, whileStarting: {
            #expect(!certificate.isLoaded)
            try directory.publish(certificatePEM: serving.certificatePEM, keyPEM: serving.privateKeyPEM)
        }) { port in
            try await WebhookClient.with(trusting: ca.certificatePEM, port: port) { client in
                let health = try await client.send(.GET, "/healthz", contentType: nil)
                #expect(health.status == 200)
            }
        }
    }

    @Test func mismatchedOrMissingFilesAreRefusedWithTheirNames() throws {
        let directory = try CertificateDirectory()
        defer { directory.remove() }
        let certificate = ServingCertificate(files: .init(directory: directory.path), logger: WebhookHarness.quietLogger)
        let unreadable = #expect(throws: WebhookError.self) { try certificate.reload() }
        #expect(unreadable?.description.hasPrefix("\(directory.path)/tls.crt and \(directory.path)/tls.key: cannot read") == true)
        let (_, serving) = try CertificateDirectory.issue()
        let (_, other) = try CertificateDirectory.issue()
        let mismatched = #expect(throws: WebhookError.self) {
            try ServingCertificate(certificatePEM: serving.certificatePEM, privateKeyPEM: other.privateKeyPEM)
        }
        #expect(mismatched?.description == "in-memory certificate: the private key does not match the certificate")
    }
}
