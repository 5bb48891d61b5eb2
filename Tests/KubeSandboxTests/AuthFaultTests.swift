import AsyncHTTPClient
import KubeModel
import KubeSandbox
import NIOSSL
import Testing

@Suite struct AuthFaultTests {
    @Test func bearerTokensAuthenticateAndUnknownOnesAreUnauthorized() async throws {
        let options = SandboxOptions(tokens: ["s3cret": AuthenticatedUser(name: "ci", groups: ["system:masters"])])
        try await KubeSandbox.withRunning(options) { sandbox in
            let anonymous = try await SandboxClient(sandbox, admin: false).get("/api/v1/namespaces")
            #expect(anonymous.status == 403)
            #expect(anonymous.json["message"] == "namespaces is forbidden: User \"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope")
            let wrong = try await SandboxClient(sandbox, headers: [("Authorization", "Bearer wrong")], admin: false).get("/api/v1/namespaces")
            #expect(wrong.status == 401)
            #expect(wrong.json["reason"] == "Unauthorized")
            let allowed = try await SandboxClient(sandbox, headers: [("Authorization", "Bearer s3cret")], admin: false).get("/api/v1/namespaces")
            #expect(allowed.status == 200)
            #expect(await sandbox.requests().last?.user == "ci")
            #expect(try sandbox.kubeconfig(.token("s3cret")).contains("token: s3cret"))
        }
    }

    @Test func clientCertificatesAuthenticateOverTLS() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(tls: true)) { sandbox in
            let certificates = try #require(sandbox.certificates)
            let caPEM = certificates.caPEM
            func client(_ minted: (certificatePEM: String, keyPEM: String)?) throws -> HTTPClient {
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(caPEM.utf8), format: .pem)])
                if let minted {
                    tls.certificateChain = [.certificate(try NIOSSLCertificate(bytes: Array(minted.certificatePEM.utf8), format: .pem))]
                    tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(minted.keyPEM.utf8), format: .pem))
                }
                return HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            }
            let anonymous = try client(nil)
            let operators = try client(try certificates.clientCertificate(user: "shipshape", groups: ["operators"]))
            let masters = try client(try certificates.clientCertificate(user: "root", groups: ["system:masters"]))
            defer { for http in [anonymous, operators, masters] { _ = http.shutdown() } }
            #expect(try await SandboxClient(sandbox, http: anonymous, admin: false).get("/api/v1/namespaces").status == 403)
            #expect(try await SandboxClient(sandbox, http: operators, admin: false).get("/api/v1/namespaces").status == 403,
                    "the group operators has no RBAC binding")
            #expect(await sandbox.requests().last?.user == "shipshape")
            #expect(try await SandboxClient(sandbox, http: operators, admin: false).get("/version").status == 200)
            #expect(try await SandboxClient(sandbox, http: masters, admin: false).get("/api/v1/namespaces").status == 200)
            let whoami = try await SandboxClient(sandbox, http: masters, admin: false)
                .post("/apis/authentication.k8s.io/v1/selfsubjectreviews", ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
            #expect(whoami.status == 201)
            #expect(whoami.json["status"]?["userInfo"]?["username"] == "root")
            #expect(whoami.json["status"]?["userInfo"]?["groups"] == ["system:masters", "system:authenticated"])
            let credential = whoami.json["status"]?["userInfo"]?["extra"]?["authentication.kubernetes.io/credential-id"]?.arrayValue?.first?.stringValue
            #expect(credential?.hasPrefix("X509SHA256=") == true && credential?.count == "X509SHA256=".count + 64)
            let kubeconfig = try sandbox.kubeconfig()
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
