import Foundation
import KubeModel

extension KubeconfigLoader.Merged {
    /// The configuration of `context` (or the current context).
    func configuration(context override: String?) throws(KubeError) -> ClientConfiguration {
        guard let name = override ?? currentContext else {
            throw KubeError.configuration(source: sources, field: "current-context", message: "no current context is set and none was given")
        }
        guard let context = contexts[name] else {
            throw KubeError.configuration(source: sources, field: nil, message: "context \"\(name)\" does not exist")
        }
        guard let cluster = clusters[context.cluster] else {
            throw context.fields.error("cluster", "cluster \"\(context.cluster)\" does not exist")
        }
        guard let server = cluster.server, !server.isEmpty else { throw cluster.fields.error("server", "is required") }
        var tls = TLSOptions(insecureSkipVerify: cluster.insecureSkipTLSVerify, serverName: cluster.tlsServerName)
        if let data = cluster.certificateAuthorityData {
            tls.certificateAuthorityPEM = data
        } else if let file = cluster.certificateAuthority, !file.isEmpty {
            tls.certificateAuthorityPEM = try Self.contents(of: file, field: "certificate-authority", in: cluster.fields)
        }
        if tls.insecureSkipVerify, tls.certificateAuthorityPEM != nil {
            throw cluster.fields.error("insecure-skip-tls-verify", "a certificate authority and insecure-skip-tls-verify cannot both be set")
        }
        var credentials = CredentialSource.none
        if let userName = context.user {
            guard let user = users[userName] else {
                throw context.fields.error("user", "user \"\(userName)\" does not exist")
            }
            try Self.apply(user, to: &tls, credentials: &credentials)
            if case .exec(var exec) = credentials, exec.provideClusterInfo {
                exec.cluster = ExecClusterInfo(server: server, tlsServerName: cluster.tlsServerName,
                    insecureSkipTLSVerify: cluster.insecureSkipTLSVerify, certificateAuthorityData: tls.certificateAuthorityPEM)
                credentials = .exec(exec)
            }
        }
        return ClientConfiguration(server: server, namespace: context.namespace ?? "default", tls: tls,
            credentials: credentials, origin: "\(sources) (context \(name))", contextName: name)
    }

    private static func apply(_ user: KubeconfigFile.User, to tls: inout TLSOptions, credentials: inout CredentialSource) throws(KubeError) {
        var certificate = user.clientCertificateData
        if certificate == nil, let path = user.clientCertificate, !path.isEmpty {
            certificate = try contents(of: path, field: "client-certificate", in: user.fields)
        }
        var key = user.clientKeyData
        if key == nil, let path = user.clientKey, !path.isEmpty {
            key = try contents(of: path, field: "client-key", in: user.fields)
        }
        switch (certificate, key) {
        case (let certificate?, let key?):
            tls.clientCertificatePEM = certificate
            tls.clientKeyPEM = key
        case (.some, nil): throw user.fields.error("client-key-data", "a client certificate needs a client key")
        case (nil, .some): throw user.fields.error("client-certificate-data", "a client key needs a client certificate")
        case (nil, nil): break
        }
        if let token = user.token, !token.isEmpty {
            credentials = .token(token)
        } else if let file = user.tokenFile, !file.isEmpty {
            credentials = .tokenFile(path: file, refreshInterval: .seconds(60))
        } else if let exec = user.exec {
            credentials = .exec(exec)
        }
    }

    private static func contents(of path: String, field: String, in fields: ConfigFieldReader) throws(KubeError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fields.error(field, "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
