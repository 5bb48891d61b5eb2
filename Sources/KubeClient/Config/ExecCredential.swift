import Foundation
import KubeModel

/// What an exec plugin printed: a token or a client certificate, and when it expires.
struct ExecCredential: Sendable {
    var token: String?
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
    var expiration: Date?

    /// Parses the plugin's standard output, an ExecCredential of `apiVersion`.
    init(output: [UInt8], apiVersion: String, command: String) throws(KubeError) {
        func failure(_ message: String) -> KubeError { .credentials("exec plugin \(command): \(message)") }
        let value: JSONValue
        do {
            value = try JSONValue(parsingJSON: output)
        } catch {
            throw failure("output is not an ExecCredential: \(error.description)")
        }
        guard value["kind"]?.stringValue == "ExecCredential" else { throw failure("output kind is not ExecCredential") }
        guard value["apiVersion"]?.stringValue == apiVersion else {
            throw failure("output apiVersion \(value["apiVersion"]?.stringValue ?? "none") is not \(apiVersion)")
        }
        guard let status = value["status"]?.objectValue else { throw failure("output has no status") }
        token = status["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        clientCertificatePEM = status["clientCertificateData"]?.stringValue.map { Array($0.utf8) }
        clientKeyPEM = status["clientKeyData"]?.stringValue.map { Array($0.utf8) }
        if (clientCertificatePEM == nil) != (clientKeyPEM == nil) {
            throw failure("status needs both clientCertificateData and clientKeyData")
        }
        guard token != nil || clientCertificatePEM != nil else {
            throw failure("status has neither a token nor a client certificate")
        }
        if let text = status["expirationTimestamp"]?.stringValue {
            guard let date = Self.parseTimestamp(text) else { throw failure("status.expirationTimestamp \"\(text)\" is not RFC 3339") }
            expiration = date
        }
    }

    static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// KUBERNETES_EXEC_INFO for a plugin: non-interactive, with the cluster when asked.
    static func execInfo(for config: ExecConfig) -> String {
        var spec: JSONObject = ["interactive": false]
        if config.provideClusterInfo, let cluster = config.cluster {
            var info: JSONObject = ["server": .string(cluster.server)]
            if let name = cluster.tlsServerName { info["tls-server-name"] = .string(name) }
            if cluster.insecureSkipTLSVerify { info["insecure-skip-tls-verify"] = true }
            if let ca = cluster.certificateAuthorityData {
                info["certificate-authority-data"] = .string(Data(ca).base64EncodedString())
            }
            spec["cluster"] = .object(info)
        }
        let value: JSONValue = ["apiVersion": .string(config.apiVersion), "kind": "ExecCredential", "spec": .object(spec)]
        return value.jsonText()
    }
}
