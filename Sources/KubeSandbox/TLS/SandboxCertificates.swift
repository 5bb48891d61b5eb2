import Crypto
import Foundation
import SwiftASN1
import X509

/// The sandbox's own certificate authority (generated at start, ECDSA P-256), the serving
/// certificate it signs for 127.0.0.1 and localhost, and client certificates minted on demand
/// the way Kubernetes reads them: CN is the user name, each O a group.
public struct SandboxCertificates: Sendable {
    /// The CA certificate, PEM: what a kubeconfig's certificate-authority-data holds.
    public let caPEM: String
    let servingCertificatePEM: String
    let servingKeyPEM: String
    private let caKey: P256.Signing.PrivateKey
    private let caName: DistinguishedName

    public init() throws(SandboxError) {
        do {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName([RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: "kube-sandbox-ca")])
            let ca = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: Date.now.addingTimeInterval(-3600), notValidAfter: Date.now.addingTimeInterval(86_400 * 365),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(key))
            caKey = key
            caName = name
            caPEM = try ca.serializeAsPEM().pemString
            let servingKey = P256.Signing.PrivateKey()
            let serving = try Self.sign(
                subject: DistinguishedName([RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: "kube-apiserver")]),
                publicKey: servingKey.publicKey, usage: .serverAuth, issuer: name, issuerKey: key,
                names: [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            servingCertificatePEM = try serving.serializeAsPEM().pemString
            servingKeyPEM = servingKey.pemRepresentation
        } catch {
            throw .certificate("cannot create the sandbox CA: \(error)")
        }
    }

    /// A client certificate and key (PEM) for `user` in `groups`, signed by the sandbox CA.
    public func clientCertificate(user: String, groups: [String] = []) throws(SandboxError) -> (certificatePEM: String, keyPEM: String) {
        do {
            let key = P256.Signing.PrivateKey()
            let attributes = groups.map { RelativeDistinguishedName.Attribute(type: .RDNAttributeType.organizationName, utf8String: $0) }
                + [RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: user)]
            let certificate = try Self.sign(subject: try DistinguishedName(attributes), publicKey: key.publicKey,
                                            usage: .clientAuth, issuer: caName, issuerKey: caKey, names: [])
            return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
        } catch {
            throw .certificate("cannot mint a client certificate for \(user): \(error)")
        }
    }

    private static func sign(subject: DistinguishedName, publicKey: P256.Signing.PublicKey, usage: ExtendedKeyUsage.Usage,
                             issuer: DistinguishedName, issuerKey: P256.Signing.PrivateKey,
                             names: [GeneralName]) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(publicKey),
            notValidBefore: Date.now.addingTimeInterval(-3600), notValidAfter: Date.now.addingTimeInterval(86_400 * 30),
            issuer: issuer, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                if !names.isEmpty { SubjectAlternativeNames(names) }
            },
            issuerPrivateKey: .init(issuerKey))
    }

    /// The user a DER client certificate names: CN and every O.
    static func user(fromDER der: [UInt8]) -> AuthenticatedUser? {
        guard let certificate = try? Certificate(derEncoded: der) else { return nil }
        var name: String?
        var groups: [String] = []
        for rdn in certificate.subject {
            for attribute in rdn {
                if attribute.type == .RDNAttributeType.commonName { name = String(describing: attribute.value) }
                if attribute.type == .RDNAttributeType.organizationName { groups.append(String(describing: attribute.value)) }
            }
        }
        return name.map { AuthenticatedUser(name: $0, groups: groups) }
    }
}

/// Who made a request: from a client certificate or a bearer token.
public struct AuthenticatedUser: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }
}
