import AdmissionServer
import Testing
@testable import shipshape

/// `shipshape webhook` flags: where the certificate comes from, and the mistakes refused.
@Suite struct WebhookCommandTests {
    @Test func theCertificateComesFromOneSource() throws {
        let files = try WebhookCommand.parse(["--cert-file", "a.crt", "--key-file", "a.key"])
        #expect(try files.certificateSource() == .files(.init(certificate: "a.crt", key: "a.key")))
        let directory = try WebhookCommand.parse(["--cert-dir", "/certs/"])
        #expect(try directory.certificateSource() == .files(.init(directory: "/certs")))
        let secret = try WebhookCommand.parse(["--self-signed-secret", "shipshape-system/shipshape-webhook-tls", "--context", "kind"])
        #expect(try secret.certificateSource() == .selfSigned("shipshape-system/shipshape-webhook-tls"))
    }

    @Test(arguments: [
        ["--cert-dir", "a", "--self-signed-secret", "ns/name"],
        ["--cert-file", "a.crt"],
        ["--self-signed-secret", "just-a-name"],
        ["--cert-dir", "a", "--kubeconfig", "k"],
        ["--address", "9443"],
        ["--log-format", "xml"],
    ])
    func mistakesAreRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try WebhookCommand.parse(arguments) }
    }
}
