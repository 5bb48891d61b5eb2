import Crypto
import Foundation
import SwiftASN1
import X509

/// A small certificate authority (ECDSA P-256) that signs serving and client certificates:
/// the webhook's self-issued certificates and the sandbox's TLS.
public struct CertificateAuthority: Sendable {
    /// The CA certificate, PEM (a caBundle, a kubeconfig's certificate-authority-data).
    public let certificatePEM: String
    /// The CA key, PEM, so a CA kept in a Secret can sign again later.
    public var privateKeyPEM: String { key.pemRepresentation }
    private let key: P256.Signing.PrivateKey
    private let name: DistinguishedName

    /// A new CA named `commonName`, valid from an hour ago for `validity`.
    public init(commonName: String, validity: TimeInterval = 86_400 * 365 * 5, now: Date) throws(CertificateError) {
        do {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName([RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: commonName)])
            let certificate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(validity),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(key))
            self.key = key
            self.name = name
            self.certificatePEM = try certificate.serializeAsPEM().pemString
        } catch {
            throw CertificateError("cannot create the CA \(commonName): \(error)")
        }
    }

    /// A CA loaded from its certificate and key (PEM), as stored in a Secret.
    public init(certificatePEM: String, privateKeyPEM: String) throws(CertificateError) {
        do {
            let certificate = try Certificate(pemEncoded: certificatePEM)
            self.key = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
            self.name = certificate.subject
            self.certificatePEM = certificatePEM
        } catch {
            throw CertificateError("cannot load the CA: \(error)")
        }
    }

    /// A key pair and certificate signed by this CA.
    public struct Issued: Sendable {
        public let certificatePEM: String
        public let privateKeyPEM: String
    }

    /// A TLS serving certificate for `dnsNames` and `ipAddresses` (IPv4 dotted quads).
    public func serverCertificate(commonName: String, dnsNames: [String], ipAddresses: [String] = [],
                                  validity: TimeInterval = 86_400 * 90, now: Date) throws(CertificateError) -> Issued {
        let ips = ipAddresses.compactMap(Self.ipv4Bytes).map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        return try issue(commonName: commonName, organizations: [], usage: .serverAuth,
                         names: dnsNames.map(GeneralName.dnsName) + ips, validity: validity, now: now)
    }

    /// A client certificate as Kubernetes reads it: CN is the user, each O a group.
    public func clientCertificate(user: String, groups: [String] = [], validity: TimeInterval = 86_400 * 30,
                                  now: Date) throws(CertificateError) -> Issued {
        try issue(commonName: user, organizations: groups, usage: .clientAuth, names: [], validity: validity, now: now)
    }

    private func issue(commonName: String, organizations: [String], usage: ExtendedKeyUsage.Usage, names: [GeneralName],
                       validity: TimeInterval, now: Date) throws(CertificateError) -> Issued {
        do {
            let subjectKey = P256.Signing.PrivateKey()
            let attributes = organizations.map { RelativeDistinguishedName.Attribute(type: .RDNAttributeType.organizationName, utf8String: $0) }
                + [RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: commonName)]
            let certificate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(subjectKey.publicKey),
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(validity),
                issuer: name, subject: try DistinguishedName(attributes), signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([usage])
                    if !names.isEmpty { SubjectAlternativeNames(names) }
                },
                issuerPrivateKey: .init(key))
            return Issued(certificatePEM: try certificate.serializeAsPEM().pemString, privateKeyPEM: subjectKey.pemRepresentation)
        } catch {
            throw CertificateError("cannot issue a certificate for \(commonName): \(error)")
        }
    }

    private static func ipv4Bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".")
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }
}

/// Why a certificate could not be created, loaded or read.
public struct CertificateError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
