import Certificates
import Crypto
import Foundation

/// The sandbox's own certificate authority (generated at start), the serving certificate it
/// signs for 127.0.0.1 and localhost, and client certificates minted on demand the way
/// Kubernetes reads them: CN is the user name, each O a group.
public struct SandboxCertificates: Sendable {
    /// The CA certificate, PEM: what a kubeconfig's certificate-authority-data holds.
    public var caPEM: String { authority.certificatePEM }
    let servingCertificatePEM: String
    let servingKeyPEM: String
    let authority: CertificateAuthority

    public init() throws(SandboxError) {
        let authority: CertificateAuthority
        do { authority = try CertificateAuthority(commonName: "kube-sandbox-ca", now: Date.now) } catch {
            throw .certificate("cannot create the sandbox CA: \(error)")
        }
        try self.init(authority: authority)
    }

    /// A new serving certificate for 127.0.0.1 and localhost, signed by `authority`.
    init(authority: CertificateAuthority) throws(SandboxError) {
        self.authority = authority
        do {
            let serving = try authority.serverCertificate(
                commonName: "kube-apiserver", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], now: Date.now)
            servingCertificatePEM = serving.certificatePEM
            servingKeyPEM = serving.privateKeyPEM
        } catch {
            throw .certificate("cannot issue the sandbox's serving certificate: \(error)")
        }
    }

    /// A client certificate and key (PEM) for `user` in `groups`, signed by the sandbox CA.
    public func clientCertificate(user: String, groups: [String] = []) throws(SandboxError) -> (certificatePEM: String, keyPEM: String) {
        do {
            let issued = try authority.clientCertificate(user: user, groups: groups, now: Date.now)
            return (issued.certificatePEM, issued.privateKeyPEM)
        } catch {
            throw .certificate("cannot mint a client certificate for \(user): \(error)")
        }
    }

    /// The user a DER client certificate names: CN and every O, with the credential id the API
    /// server derives from the certificate (`X509SHA256=` and its SHA-256 in hex).
    static func user(fromDER der: [UInt8]) -> AuthenticatedUser? {
        guard let info = try? CertificateInfo(der: der), let name = info.commonName else { return nil }
        let digest = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
        return AuthenticatedUser(name: name, groups: info.organizations,
                                 extra: [AuthenticatedUser.credentialIDKey: ["X509SHA256=" + digest]])
    }
}
