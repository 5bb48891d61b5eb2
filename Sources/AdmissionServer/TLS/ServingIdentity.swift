import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A certificate chain and its private key, parsed and checked to belong together.
struct ServingIdentity: Sendable {
    let chain: [NIOSSLCertificate]
    let key: NIOSSLPrivateKey
    /// The leaf's expiry and DNS names, for logs.
    let notValidAfter: Date
    let dnsNames: [String]

    /// Parses PEM text; `source` names where it came from in error messages. The key must
    /// match the leaf certificate, so a half-updated pair is refused rather than served.
    init(certificatePEM: String, privateKeyPEM: String, source: String) throws(WebhookError) {
        let leaf: Certificate
        let privateKey: Certificate.PrivateKey
        do {
            guard let first = try PEMDocument.parseMultiple(pemString: certificatePEM).first else {
                throw WebhookError.certificate(source: source, message: "no certificate in the PEM text")
            }
            leaf = try Certificate(derEncoded: first.derBytes)
        } catch let error as WebhookError {
            throw error
        } catch {
            throw .certificate(source: source, message: "the certificate is not valid PEM: \(error)")
        }
        do {
            privateKey = try Certificate.PrivateKey(pemEncoded: privateKeyPEM)
        } catch {
            throw .certificate(source: source, message: "the private key is not a valid PEM key")
        }
        guard privateKey.publicKey == leaf.publicKey else {
            throw .certificate(source: source, message: "the private key does not match the certificate")
        }
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))
            key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        } catch {
            throw .certificate(source: source, message: "TLS cannot use the certificate or key: \(error)")
        }
        notValidAfter = leaf.notValidAfter
        let names = try? leaf.extensions.subjectAlternativeNames
        dnsNames = names?.compactMap { if case .dnsName(let name) = $0 { return name } else { return nil } } ?? []
    }

    /// What a TLS handshake should present instead of the configuration's initial pair.
    var override: NIOSSLContextConfigurationOverride {
        var override = NIOSSLContextConfigurationOverride()
        override.certificateChain = chain.map { .certificate($0) }
        override.privateKey = .privateKey(key)
        return override
    }
}
