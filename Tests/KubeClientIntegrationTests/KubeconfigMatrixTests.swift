import Certificates
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// Kubeconfigs as users write them, each loaded and used against a live HTTPS sandbox.
@Suite struct KubeconfigMatrixTests {
    private let options = SandboxOptions(tls: true, tokens: [Login.tokenValue: Login.tokenUser])

    @Test func certificatesFromFilesWorkLikeInlineData() async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            let certificates = try #require(sandbox.certificates)
            let minted = try certificates.clientCertificate(user: "from-files", groups: ["system:masters"])
            let directory = try TemporaryDirectory()
            try directory.write("ca.pem", certificates.caPEM)
            try directory.write("client.pem", minted.certificatePEM)
            try directory.write("client-key.pem", minted.keyPEM)
            let fromFiles = try directory.write("files.yaml", """
                apiVersion: v1
                kind: Config
                current-context: files
                clusters:
                - name: sandbox
                  cluster: {server: "\(sandbox.url)", certificate-authority: ca.pem}
                users:
                - name: files
                  user: {client-certificate: client.pem, client-key: client-key.pem}
                contexts:
                - name: files
                  context: {cluster: sandbox, user: files, namespace: kube-public}
                """)
            let fromData = try directory.write("data.yaml", try sandbox.kubeconfig(.clientCertificate(user: "from-data", groups: ["system:masters"])))

            for (path, user, namespace) in [(fromFiles, "from-files", "kube-public"), (fromData, "from-data", "default")] {
                let configuration = try ClientConfiguration.load(kubeconfig: path, environment: ["HOME": directory.path])
                #expect(configuration.namespace == namespace)
                let client = try KubernetesClient(configuration: configuration)
                _ = try await client.resource(ResourceType.configMaps, namespace: configuration.namespace).list()
                #expect(await sandbox.requests().last?.user == user)
            }
        }
    }

    @Test func mergedKubeconfigFilesOfferEveryContext() async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            let directory = try TemporaryDirectory()
            let admin = try mintedData(sandbox)
            let tokenConfig = try directory.write("token.yaml", try sandbox.kubeconfig(.token(Login.tokenValue), namespace: "kube-system"))
            let certificateConfig = try directory.write("certificate.yaml", """
                apiVersion: v1
                kind: Config
                current-context: admin
                users:
                - name: admin
                  user:
                    client-certificate-data: \(admin.certificate)
                    client-key-data: \(admin.key)
                contexts:
                - name: admin
                  context: {cluster: sandbox, user: admin}
                """)
            let environment = ["HOME": directory.path, "KUBECONFIG": "\(tokenConfig):\(directory.path)/missing.yaml:\(certificateConfig)"]

            let current = try ClientConfiguration.load(environment: environment)
            #expect(current.namespace == "kube-system", "the first file's current-context wins")
            _ = try await KubernetesClient(configuration: current).resource(ResourceType.configMaps, namespace: "kube-system").list()
            #expect(await sandbox.requests().last?.user == Login.tokenUser.name)

            let adminContext = try ClientConfiguration.load(context: "admin", environment: environment)
            #expect(adminContext.namespace == "default")
            _ = try await KubernetesClient(configuration: adminContext).resource(ResourceType.namespaces).list()
            #expect(await sandbox.requests().last?.user == "merged-admin", "the second file's user, the first file's cluster")

            #expect(throws: KubeError.self) { try ClientConfiguration.load(context: "nowhere", environment: environment) }
        }
    }

    @Test func anExecPluginSuppliesTheTokenOnce() async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            let directory = try TemporaryDirectory()
            let log = directory.path + "/plugin-calls"
            try directory.write("credential-plugin", """
                #!/bin/sh
                echo called >> "\(log)"
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "$SANDBOX_TOKEN"
                """, executable: true)
            let certificateAuthority = Data((try #require(sandbox.certificates)).caPEM.utf8).base64EncodedString()
            let path = try directory.write("exec.yaml", """
                apiVersion: v1
                kind: Config
                current-context: exec
                clusters:
                - name: sandbox
                  cluster: {server: "\(sandbox.url)", certificate-authority-data: \(certificateAuthority)}
                users:
                - name: exec
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./credential-plugin
                      env: [{name: SANDBOX_TOKEN, value: \(Login.tokenValue)}]
                      interactiveMode: Never
                contexts:
                - name: exec
                  context: {cluster: sandbox, user: exec}
                """)
            let client = try KubernetesClient(configuration: .load(kubeconfig: path, environment: ["HOME": directory.path]))
            let configMaps = client.resource(ResourceType.configMaps, namespace: "default")
            for _ in 0..<3 { _ = try await configMaps.list() }
            #expect(await sandbox.requests().map(\.user) == Array(repeating: Login.tokenUser.name, count: 3))
            let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            #expect(calls.count == 1, "a credential without an expiry is cached")
        }
    }

    /// As a real API server: no credentials is `system:anonymous`, whom RBAC forbids (403); a
    /// token nobody issued is 401.
    @Test func anonymousIsForbiddenAndAnUnknownTokenUnauthorized() async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            for (credentials, status, words) in [(KubeSandbox.Credentials.none, 403, "User \"system:anonymous\" cannot list"),
                                                 (.token("not-issued"), 401, "Unauthorized")] {
                do {
                    _ = try await sandbox.client(credentials).resource(ResourceType.namespaces).list()
                    Issue.record("the request is refused")
                } catch let error as KubeError {
                    #expect(error.statusCode == status)
                    #expect(error.description.contains(words))
                }
            }
        }
    }

    /// Another CA: one named differently fails verification plainly; one with the sandbox CA's
    /// name (a recreated cluster's, with a stale kubeconfig) fails in the handshake.
    @Test(arguments: [("stranger-ca", "certificate verify failed"), ("kube-sandbox-ca", "TLS: ")])
    func anUntrustedServerIsATLSError(authority: String, message: String) async throws {
        try await KubeSandbox.withRunning(options) { sandbox in
            let directory = try TemporaryDirectory()
            let stranger = try CertificateAuthority(commonName: authority, now: Date.now).certificatePEM
            let trusted = try sandbox.kubeconfig(.token(Login.tokenValue))
            let path = try directory.write("untrusted.yaml", trusted.replacingOccurrences(
                of: Data(try #require(sandbox.certificates).caPEM.utf8).base64EncodedString(),
                with: Data(stranger.utf8).base64EncodedString()))
            let client = try KubernetesClient(configuration: .load(kubeconfig: path, environment: ["HOME": directory.path]))
            do {
                _ = try await client.resource(ResourceType.namespaces).list()
                Issue.record("a server signed by another CA is not trusted")
            } catch let error as KubeError {
                guard case .transport(let failure) = error, failure.kind == .tls else {
                    Issue.record("expected a TLS error, got \(error)")
                    return
                }
                #expect(error.description.contains(message), "\(error)")
            }
            #expect(await sandbox.requests().isEmpty)
        }
    }

    /// A client certificate for `merged-admin`, base64 as kubeconfig `-data` fields hold it.
    private func mintedData(_ sandbox: KubeSandbox) throws -> (certificate: String, key: String) {
        let minted = try #require(sandbox.certificates).clientCertificate(user: "merged-admin", groups: ["system:masters"])
        return (Data(minted.certificatePEM.utf8).base64EncodedString(), Data(minted.keyPEM.utf8).base64EncodedString())
    }
}
