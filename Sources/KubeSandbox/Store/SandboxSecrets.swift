import Certificates
import Crypto
import Foundation
import SandboxStorage

/// What must outlive a restart for clients to keep working, kept beside the objects: the CA
/// (kubeconfigs and client certificates it signed stay valid), the ServiceAccount token signing
/// key (issued tokens stay valid), the admin token and the port (the kubeconfig's server URL).
struct SandboxSecrets {
    let database: SQLiteStorage

    /// The stored CA, or a new one, stored.
    func certificates() throws(SandboxError) -> SandboxCertificates {
        if let certificatePEM = try read("ca.crt"), let keyPEM = try read("ca.key") {
            do {
                return try SandboxCertificates(authority: try CertificateAuthority(certificatePEM: certificatePEM, privateKeyPEM: keyPEM))
            } catch {
                throw .storage("cannot read \(database.file): the stored CA: \(error)")
            }
        }
        let certificates = try SandboxCertificates()
        try write("ca.crt", certificates.authority.certificatePEM)
        try write("ca.key", certificates.authority.privateKeyPEM)
        return certificates
    }

    /// The stored token signing key and admin token, or new ones, stored.
    func tokens() throws(SandboxError) -> TokenAuthority {
        if let keyText = try read("token-signing-key"), let adminToken = try read("admin-token") {
            guard let key = Data(base64Encoded: keyText), key.count == 32 else {
                throw .storage("cannot read \(database.file): the stored token signing key is not 32 bytes of base64")
            }
            return TokenAuthority(key: SymmetricKey(data: key), adminToken: adminToken)
        }
        let tokens = TokenAuthority()
        try write("token-signing-key", tokens.key.withUnsafeBytes { Data($0) }.base64EncodedString())
        try write("admin-token", tokens.adminToken)
        return tokens
    }

    /// The port served last time, if any.
    func port() throws(SandboxError) -> Int? { try read("port").flatMap { Int($0) } }

    func setPort(_ port: Int) throws(SandboxError) { try write("port", String(port)) }

    private func read(_ name: String) throws(SandboxError) -> String? {
        try SQLiteClusterStorage.storageCall { () throws(StorageError) in try database.secret(name) }
    }

    private func write(_ name: String, _ value: String) throws(SandboxError) {
        try SQLiteClusterStorage.storageCall { () throws(StorageError) in try database.setSecret(name, value) }
    }
}
