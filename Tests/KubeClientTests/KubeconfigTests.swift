import Foundation
import KubeModel
import Testing
@testable import KubeClient

@Suite struct KubeconfigTests {
    static func config(server: String = "https://a.example:6443", user: String = "token: abc", extraContexts: String = "", current: String = "ctx-a") -> String {
        """
        apiVersion: v1
        kind: Config
        current-context: \(current)
        clusters:
        - name: a
          cluster:
            server: \(server)
            certificate-authority-data: \(base64("CA-PEM"))
            tls-server-name: kubernetes
        contexts:
        - name: ctx-a
          context: { cluster: a, user: u, namespace: shop }
        \(extraContexts)
        users:
        - name: u
          user:
            \(user)
        """
    }

    @Test func dataFieldsTokenAndNamespaceFromTheCurrentContext() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("config", Self.config(user: "client-certificate-data: \(base64("CERT"))\n    client-key-data: \(base64("KEY"))"))
        let config = try ClientConfiguration.load(kubeconfig: file, environment: ["HOME": "/nonexistent"])
        #expect(config.server == "https://a.example:6443")
        #expect(config.namespace == "shop")
        #expect(config.tls.certificateAuthorityPEM == Array("CA-PEM".utf8))
        #expect(config.tls.serverName == "kubernetes")
        #expect(config.tls.clientCertificatePEM == Array("CERT".utf8))
        #expect(config.tls.clientKeyPEM == Array("KEY".utf8))
    }

    @Test func filePathsResolveAgainstTheKubeconfigDirectory() throws {
        let dir = try TemporaryDirectory()
        try dir.write("nested/certs/ca.crt", "FILE-CA")
        try dir.write("nested/certs/client.crt", "FILE-CERT")
        try dir.write("nested/certs/client.key", "FILE-KEY")
        try dir.write("nested/token", "file-token\n")
        let text = """
            clusters: [ { name: a, cluster: { server: "https://x", certificate-authority: certs/ca.crt } } ]
            users:
            - { name: u, user: { client-certificate: certs/client.crt, client-key: \(dir.path)/nested/certs/client.key, tokenFile: token } }
            contexts: [ { name: c, context: { cluster: a, user: u } } ]
            current-context: c
            """
        let file = try dir.write("nested/config", text)
        let config = try ClientConfiguration.load(kubeconfig: file, environment: [:])
        #expect(config.tls.certificateAuthorityPEM == Array("FILE-CA".utf8))
        #expect(config.tls.clientCertificatePEM == Array("FILE-CERT".utf8))
        #expect(config.tls.clientKeyPEM == Array("FILE-KEY".utf8))
        #expect(config.namespace == "default")
        guard case .tokenFile(let path, _) = config.credentials else { Issue.record("expected a token file"); return }
        #expect(path == dir.path + "/nested/token")
    }

    @Test func kubeconfigListMergesWithFirstWins() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("one", Self.config(server: "https://first", current: "ctx-b"))
        let second = try dir.write("two", """
            current-context: ctx-a
            clusters:
            - { name: a, cluster: { server: "https://second-a" } }
            - { name: b, cluster: { server: "https://second-b" } }
            contexts:
            - { name: ctx-b, context: { cluster: b, namespace: other } }
            users: [ { name: u, user: { token: ignored } } ]
            """)
        let environment = ["KUBECONFIG": "\(dir.path)/missing:\(first)::\(second)", "HOME": "/nonexistent"]
        let merged = try ClientConfiguration.load(environment: environment)
        #expect(merged.server == "https://second-b")
        #expect(merged.namespace == "other")
        let overridden = try ClientConfiguration.load(context: "ctx-a", environment: environment)
        #expect(overridden.server == "https://first")
        guard case .token(let token) = overridden.credentials else { Issue.record("expected a token"); return }
        #expect(token == "abc")
    }

    @Test func defaultPathIsUnderHome() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".kube/config", Self.config())
        #expect(try ClientConfiguration.load(environment: ["HOME": dir.path]).server == "https://a.example:6443")
        #expect(throws: KubeError.self) { try ClientConfiguration.load(environment: ["HOME": dir.path + "/empty"]) }
    }

    @Test func brokenFieldsAreNamedWithFileLineAndPath() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".kube/config", Self.config(user: "client-key-data: not*base64"))
        do {
            _ = try ClientConfiguration.load(environment: ["HOME": dir.path])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "~/.kube/config:17: users[0].user.client-key-data: not valid base64")
        }
        let wrongType = try dir.write("bad", "clusters: [ { name: a, cluster: { server: [1] } } ]")
        #expect(throws: KubeError.configuration(source: "\(dir.path)/bad:1", field: "clusters[0].cluster.server",
                                                message: "expected a string, found array")) {
            try ClientConfiguration.load(kubeconfig: wrongType, environment: [:])
        }
    }

    @Test func missingReferencesAndContradictionsAreErrors() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("config", Self.config())
        #expect(throws: KubeError.self) { try ClientConfiguration.load(kubeconfig: file, context: "nope", environment: [:]) }
        #expect(throws: KubeError.self) { try ClientConfiguration.load(kubeconfig: dir.path + "/absent", environment: [:]) }
        let insecure = try dir.write("insecure", """
            clusters: [ { name: a, cluster: { server: "https://x", insecure-skip-tls-verify: true, certificate-authority-data: \(base64("CA")) } } ]
            contexts: [ { name: c, context: { cluster: a, user: ghost } } ]
            current-context: c
            """)
        do {
            _ = try ClientConfiguration.load(kubeconfig: insecure, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("clusters[0].cluster.insecure-skip-tls-verify"))
        }
    }
}
