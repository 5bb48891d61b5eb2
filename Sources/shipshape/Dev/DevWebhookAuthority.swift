import Certificates
import Foundation

/// The webhook's CA in a data directory (`webhook-ca.crt`, `webhook-ca.key`, owner-only), made
/// on first use.
struct DevWebhookAuthority {
    let directory: String

    private var certificatePath: String { directory + "/webhook-ca.crt" }
    private var keyPath: String { directory + "/webhook-ca.key" }

    func load() throws -> CertificateAuthority {
        let files = FileManager.default
        if files.fileExists(atPath: certificatePath) || files.fileExists(atPath: keyPath) {
            do {
                return try CertificateAuthority(certificatePEM: try String(contentsOfFile: certificatePath, encoding: .utf8),
                                                privateKeyPEM: try String(contentsOfFile: keyPath, encoding: .utf8))
            } catch {
                throw CLIError.failure(["shipshape dev: --data-dir: cannot read the webhook CA \(certificatePath) and \(keyPath): \(error)"])
            }
        }
        let ca = try CertificateAuthority(commonName: "shipshape-dev-webhook-ca", now: Date())
        try? files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (path, text) in [(keyPath, ca.privateKeyPEM), (certificatePath, ca.certificatePEM)] {
            guard files.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CLIError.failure(["shipshape dev: --data-dir: cannot write \(path)"])
            }
        }
        return ca
    }
}
