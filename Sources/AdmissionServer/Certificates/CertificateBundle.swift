import Certificates
import Foundation
import SwiftASN1
import X509

/// The contents of the webhook's certificate Secret: a CA and a serving certificate it signed,
/// plus the previous CA while it is still valid, so a CA rotation never leaves a gap in trust
/// (the caBundle carries both until the old one expires). Pure: no I/O.
public struct CertificateBundle: Sendable, Equatable {
    public var caCertificatePEM: String
    public var caKeyPEM: String
    public var certificatePEM: String
    public var keyPEM: String
    /// The CA before the last CA rotation, until it expires.
    public var previousCACertificatePEM: String?

    /// Secret data keys (the `kubernetes.io/tls` ones, plus the CA's key and the previous CA).
    enum Key {
        static let caCertificate = "ca.crt", caKey = "ca.key", certificate = "tls.crt", key = "tls.key"
        static let previousCA = "ca-previous.crt"
    }

    /// How long what is issued is valid; each is replaced in the last third of its life.
    public struct Validity: Sendable, Hashable {
        public var ca: TimeInterval
        public var serving: TimeInterval

        public init(ca: TimeInterval = 86_400 * 365 * 5, serving: TimeInterval = 86_400 * 90) {
            self.ca = ca
            self.serving = serving
        }
    }

    /// The PEM text for `caBundle`: the current CA, then the previous one if still valid.
    public func caBundle(at now: Date) -> String {
        [caCertificatePEM, Self.unexpired(previousCACertificatePEM, at: now)].compactMap { $0 }
            .map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
    }

    /// A new CA and serving certificate for `dnsNames`.
    public static func issue(dnsNames: [String], validity: Validity = Validity(), now: Date) throws(Certificates.CertificateError) -> CertificateBundle {
        let ca = try CertificateAuthority(commonName: "shipshape-webhook-ca", validity: validity.ca, now: now)
        return try serving(by: ca, dnsNames: dnsNames, validity: validity, previousCA: nil, now: now)
    }

    private static func serving(by ca: CertificateAuthority, dnsNames: [String], validity: Validity, previousCA: String?,
                                now: Date) throws(Certificates.CertificateError) -> CertificateBundle {
        let issued = try ca.serverCertificate(commonName: dnsNames.first ?? "shipshape-webhook", dnsNames: dnsNames,
                                              validity: validity.serving, now: now)
        return CertificateBundle(caCertificatePEM: ca.certificatePEM, caKeyPEM: ca.privateKeyPEM, certificatePEM: issued.certificatePEM,
                                 keyPEM: issued.privateKeyPEM, previousCACertificatePEM: previousCA)
    }

    /// What to store instead of `existing` (nil when nothing was stored): `existing` itself when
    /// it is sound, a new serving certificate when that one is missing, broken, not for
    /// `dnsNames` or due for rotation, and a new CA when the CA is missing, broken or due.
    public static func reconciled(_ existing: CertificateBundle?, dnsNames: [String], validity: Validity = Validity(),
                                  now: Date) throws(Certificates.CertificateError) -> CertificateBundle {
        guard let existing, let ca = try? CertificateAuthority(certificatePEM: existing.caCertificatePEM, privateKeyPEM: existing.caKeyPEM),
              let caInfo = try? CertificateInfo(pem: existing.caCertificatePEM), !caInfo.needsRotation(at: now)
        else {
            var fresh = try issue(dnsNames: dnsNames, validity: validity, now: now)
            fresh.previousCACertificatePEM = unexpired(existing?.caCertificatePEM, at: now)
            return fresh
        }
        let previous = unexpired(existing.previousCACertificatePEM, at: now)
        if existing.servingIsSound(dnsNames: dnsNames, now: now) {
            var kept = existing
            kept.previousCACertificatePEM = previous
            return kept
        }
        return try serving(by: ca, dnsNames: dnsNames, validity: validity, previousCA: previous, now: now)
    }

    /// `pem` if it is a certificate that has not expired at `now`.
    private static func unexpired(_ pem: String?, at now: Date) -> String? {
        guard let pem, let info = try? CertificateInfo(pem: pem), info.notValidAfter > now else { return nil }
        return pem
    }

    /// The serving pair matches, is signed by the CA, names every DNS name and is not due.
    private func servingIsSound(dnsNames: [String], now: Date) -> Bool {
        guard let info = try? CertificateInfo(pem: certificatePEM), !info.needsRotation(at: now), now >= info.notValidBefore,
              Set(dnsNames).isSubset(of: info.dnsNames),
              (try? ServingIdentity(certificatePEM: certificatePEM, privateKeyPEM: keyPEM, source: "secret")) != nil,
              let leaf = try? Certificate(pemEncoded: certificatePEM), let ca = try? Certificate(pemEncoded: caCertificatePEM)
        else { return false }
        return leaf.issuer == ca.subject && ca.publicKey.isValidSignature(leaf.signature, for: leaf)
    }
}
