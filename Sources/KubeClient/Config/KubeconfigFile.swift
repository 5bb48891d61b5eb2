import Foundation
import KubeModel

/// One kubeconfig file as written, with relative paths resolved against its directory
/// (as kubectl does) and every `*-data` field decoded.
struct KubeconfigFile {
    /// Where a file is, as shown in messages, and the lines of its fields.
    struct Origin {
        let display: String
        let directory: String
        var source: SourceOrigin?

        func location(_ path: FieldPath) -> String {
            guard let line = source?.line(of: path) else { return display }
            return "\(display):\(line)"
        }
    }

    struct Cluster {
        let name: String
        let fields: ConfigFieldReader
        let server: String?
        let certificateAuthority: String?
        let certificateAuthorityData: [UInt8]?
        let insecureSkipTLSVerify: Bool
        let tlsServerName: String?
    }

    struct User {
        let name: String
        let fields: ConfigFieldReader
        let clientCertificate: String?
        let clientCertificateData: [UInt8]?
        let clientKey: String?
        let clientKeyData: [UInt8]?
        let token: String?
        let tokenFile: String?
        let exec: ExecConfig?
    }

    struct Context {
        let name: String
        let fields: ConfigFieldReader
        let cluster: String
        let user: String?
        let namespace: String?
    }

    let origin: Origin
    var clusters: [Cluster] = []
    var users: [User] = []
    var contexts: [Context] = []
    var currentContext: String?

    /// Parses `text`, read from the file shown as `origin.display`.
    init(text: String, origin: Origin) throws(KubeError) {
        var origin = origin
        let objects: [SourceObject]
        do {
            objects = try SourceReader.objects(in: text, file: origin.display)
        } catch {
            throw KubeError.configuration(source: origin.display, field: nil, message: error.description)
        }
        guard let first = objects.first, case .object(let root) = first.value else {
            self.origin = origin
            return
        }
        origin.source = first.origin
        self.origin = origin
        let top = ConfigFieldReader(object: root, path: .root, file: origin)
        currentContext = try top.string("current-context").flatMap { $0.isEmpty ? nil : $0 }
        for entry in try top.objects("clusters") {
            let name = try Self.name(of: entry)
            guard let cluster = try entry.object("cluster") else { throw entry.error("cluster", "is required") }
            clusters.append(Cluster(
                name: name, fields: cluster, server: try cluster.string("server"),
                certificateAuthority: try cluster.string("certificate-authority").map(resolve),
                certificateAuthorityData: try cluster.base64("certificate-authority-data"),
                insecureSkipTLSVerify: try cluster.bool("insecure-skip-tls-verify"),
                tlsServerName: try cluster.string("tls-server-name")))
        }
        for entry in try top.objects("users") {
            let name = try Self.name(of: entry)
            let user = try entry.object("user") ?? ConfigFieldReader(object: [:], path: entry.path.key("user"), file: origin)
            users.append(User(
                name: name, fields: user,
                clientCertificate: try user.string("client-certificate").map(resolve),
                clientCertificateData: try user.base64("client-certificate-data"),
                clientKey: try user.string("client-key").map(resolve),
                clientKeyData: try user.base64("client-key-data"),
                token: try user.string("token"),
                tokenFile: try user.string("tokenFile").map(resolve),
                exec: try user.object("exec").map(execConfig)))
            if try user.object("auth-provider") != nil, users.last?.exec == nil, users.last?.token == nil {
                throw user.error("auth-provider", "auth-provider plugins are not supported; use an exec credential plugin")
            }
        }
        for entry in try top.objects("contexts") {
            let name = try Self.name(of: entry)
            guard let context = try entry.object("context") else { throw entry.error("context", "is required") }
            guard let cluster = try context.string("cluster"), !cluster.isEmpty else { throw context.error("cluster", "is required") }
            contexts.append(Context(
                name: name, fields: context, cluster: cluster,
                user: try context.string("user").flatMap { $0.isEmpty ? nil : $0 },
                namespace: try context.string("namespace").flatMap { $0.isEmpty ? nil : $0 }))
        }
    }

    private static func name(of entry: ConfigFieldReader) throws(KubeError) -> String {
        guard let name = try entry.string("name"), !name.isEmpty else { throw entry.error("name", "is required") }
        return name
    }

    /// A path relative to the kubeconfig's directory made absolute.
    private func resolve(_ path: String) -> String {
        guard !path.isEmpty, !path.hasPrefix("/") else { return path }
        return origin.directory + "/" + path
    }

    private func execConfig(_ exec: ConfigFieldReader) throws(KubeError) -> ExecConfig {
        guard let command = try exec.string("command"), !command.isEmpty else { throw exec.error("command", "is required") }
        let apiVersion = try exec.string("apiVersion") ?? ""
        let supported = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
        guard supported.contains(apiVersion) else {
            throw exec.error("apiVersion", "must be one of \(supported.joined(separator: ", ")); found \"\(apiVersion)\"")
        }
        if try exec.string("interactiveMode") == "Always" {
            throw exec.error("interactiveMode", "Always needs a terminal; Shipshape runs plugins non-interactively")
        }
        var env: [ExecConfig.EnvVar] = []
        for variable in try exec.objects("env") {
            guard let name = try variable.string("name"), !name.isEmpty else { throw variable.error("name", "is required") }
            env.append(ExecConfig.EnvVar(name: name, value: try variable.string("value") ?? ""))
        }
        // Like kubectl, only a command given as a path is resolved against the file's directory.
        let resolvedCommand = command.contains("/") ? resolve(command) : command
        return ExecConfig(
            apiVersion: apiVersion, command: resolvedCommand, args: try exec.strings("args"), env: env,
            provideClusterInfo: try exec.bool("provideClusterInfo"), installHint: try exec.string("installHint"))
    }
}
