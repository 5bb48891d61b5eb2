import Foundation
import KubeModel

extension KubeSandbox {
    /// How a kubeconfig's user authenticates.
    public enum Credentials: Sendable {
        /// The sandbox's admin (`admin` in `system:masters`): a client certificate over TLS, the
        /// admin bearer token on plain HTTP.
        case admin
        /// A bearer token (add it to `SandboxOptions.tokens` for the sandbox to accept it).
        case token(String)
        /// A client certificate minted by the sandbox CA: CN = user, O = groups (TLS only).
        case clientCertificate(user: String, groups: [String])
        /// No credentials: requests are `system:anonymous`'s.
        case none
    }

    /// A kubeconfig with one cluster, user and context named `sandbox`, as kubectl reads it.
    public func kubeconfig(_ credentials: Credentials = .admin, namespace: String? = nil) throws(SandboxError) -> String {
        var cluster: JSONObject = ["server": .string(url)]
        if let certificates { cluster["certificate-authority-data"] = .string(Data(certificates.caPEM.utf8).base64EncodedString()) }
        var user = JSONObject()
        var credentials = credentials
        if case .admin = credentials {
            credentials = certificates == nil ? .token(adminToken)
                : .clientCertificate(user: TokenAuthority.admin.name, groups: TokenAuthority.admin.groups)
        }
        switch credentials {
        case .token(let token): user["token"] = .string(token)
        case .clientCertificate(let name, let groups):
            guard let certificates else { throw .certificate("client certificates need a TLS sandbox") }
            let minted = try certificates.clientCertificate(user: name, groups: groups)
            user["client-certificate-data"] = .string(Data(minted.certificatePEM.utf8).base64EncodedString())
            user["client-key-data"] = .string(Data(minted.keyPEM.utf8).base64EncodedString())
        case .none, .admin: break
        }
        var context: JSONObject = ["cluster": "sandbox", "user": "sandbox"]
        if let namespace { context["namespace"] = .string(namespace) }
        let config: JSONValue = [
            "apiVersion": "v1", "kind": "Config", "current-context": "sandbox",
            "clusters": [["name": "sandbox", "cluster": .object(cluster)]],
            "users": [["name": "sandbox", "user": .object(user)]],
            "contexts": [["name": "sandbox", "context": .object(context)]],
        ]
        return config.yamlText()
    }

    /// Writes `kubeconfig(credentials)` to `path`.
    public func writeKubeconfig(to path: String, _ credentials: Credentials = .admin, namespace: String? = nil) throws(SandboxError) {
        let text = try kubeconfig(credentials, namespace: namespace)
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw .server("cannot write \(path): \(error)")
        }
    }
}
