import AsyncHTTPClient
import KubeModel
import KubeSandbox
import NIOSSL
import Testing

@Suite struct AuthFaultTests {
    @Test func bearerTokensAreRequiredWhenConfigured() async throws {
        let options = SandboxOptions(tokens: ["s3cret": AuthenticatedUser(name: "ci", groups: ["system:masters"])])
        try await KubeSandbox.withRunning(options) { sandbox in
            #expect(try await SandboxClient(sandbox).get("/api/v1/namespaces").status == 401)
            #expect(try await SandboxClient(sandbox, headers: [("Authorization", "Bearer wrong")]).get("/api/v1/namespaces").status == 401)
            let allowed = try await SandboxClient(sandbox, headers: [("Authorization", "Bearer s3cret")]).get("/api/v1/namespaces")
            #expect(allowed.status == 200)
            #expect(await sandbox.requests().last?.user == "ci")
            #expect(try sandbox.kubeconfig(.token("s3cret")).contains("token: s3cret"))
        }
    }

    @Test func clientCertificatesAuthenticateOverTLS() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(tls: true)) { sandbox in
            let certificates = try #require(sandbox.certificates)
            let minted = try certificates.clientCertificate(user: "shipshape", groups: ["operators"])
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificates.caPEM.utf8), format: .pem)])
            let anonymous = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            tls.certificateChain = [.certificate(try NIOSSLCertificate(bytes: Array(minted.certificatePEM.utf8), format: .pem))]
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(minted.keyPEM.utf8), format: .pem))
            let authenticated = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            defer {
                _ = anonymous.shutdown()
                _ = authenticated.shutdown()
            }
            #expect(try await SandboxClient(sandbox, http: anonymous).get("/api/v1/namespaces").status == 401)
            #expect(try await SandboxClient(sandbox, http: authenticated).get("/api/v1/namespaces").status == 200)
            #expect(await sandbox.requests().last?.user == "shipshape")
            let kubeconfig = try sandbox.kubeconfig(.clientCertificate(user: "admin", groups: []))
            #expect(kubeconfig.contains("certificate-authority-data:") && kubeconfig.contains("client-key-data:"))
            #expect(kubeconfig.contains("server: https://127.0.0.1:\(sandbox.port)"))
        }
    }

    @Test func injectedFaultsFailTheNextRequestsWithRetryAfter() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            await sandbox.failNext(2, status: 429, retryAfterSeconds: 3, method: "POST")
            #expect(try await client.get("/api/v1/namespaces/default/configmaps").status == 200, "GETs do not match the fault")
            for _ in 0..<2 {
                let throttled = try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("x"))
                #expect(throttled.status == 429)
                #expect(throttled.headers["Retry-After"] == ["3"])
                #expect(throttled.json["reason"] == "TooManyRequests")
                #expect(throttled.json["details"]?["retryAfterSeconds"] == 3)
            }
            #expect(try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("x")).status == 201)
            let writes = await sandbox.requests().filter(\.isWrite)
            #expect(writes.map(\.status) == [429, 429, 201])
            #expect(writes.allSatisfy { $0.verb == "create" && $0.contentType == "application/json" })
        }
    }
}
