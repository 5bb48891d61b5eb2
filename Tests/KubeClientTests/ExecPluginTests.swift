import Foundation
import KubeModel
import Testing
@testable import KubeClient

@Suite(.timeLimit(.minutes(1))) struct ExecPluginTests {
    /// A plugin that counts its runs, saves KUBERNETES_EXEC_INFO and prints a credential.
    static func plugin(in dir: TemporaryDirectory, status: String) throws -> String {
        try dir.write("bin/plugin.sh", """
            #!/bin/sh
            echo run >> "\(dir.path)/runs"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "\(dir.path)/info"
            echo "$GREETING $1" > "\(dir.path)/args"
            cat <<'JSON'
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":\(status)}
            JSON
            """, executable: true)
    }

    static func runs(_ dir: TemporaryDirectory) -> Int {
        ((try? String(contentsOfFile: dir.path + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    static func kubeconfig(in dir: TemporaryDirectory) throws -> String {
        try dir.write("config", """
            clusters: [ { name: a, cluster: { server: "https://x:6443", tls-server-name: api.internal } } ]
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/plugin.sh
                  args: [world]
                  env: [ { name: GREETING, value: hello } ]
                  provideClusterInfo: true
                  interactiveMode: IfAvailable
            contexts: [ { name: c, context: { cluster: a, user: u } } ]
            current-context: c
            """)
    }

    @Test func tokenIsCachedUntilItExpires() async throws {
        let dir = try TemporaryDirectory()
        _ = try Self.plugin(in: dir, status: #"{"token":"t-1","expirationTimestamp":"2027-01-15T08:00:00Z"}"#)
        let config = try ClientConfiguration.load(kubeconfig: Self.kubeconfig(in: dir), environment: [:])
        let clock = TestClock(try #require(ExecCredential.parseTimestamp("2027-01-15T07:00:00Z")))
        let authenticator = Authenticator(source: config.credentials, environment: ["PATH": "/usr/bin:/bin"], now: clock.closure)
        #expect(try await authenticator.credentials().bearerToken == "t-1")
        clock.advance(by: 3599)
        #expect(try await authenticator.credentials().bearerToken == "t-1")
        #expect(Self.runs(dir) == 1)
        clock.advance(by: 1)
        _ = try await authenticator.credentials()
        #expect(Self.runs(dir) == 2)
        await authenticator.invalidate()
        _ = try await authenticator.credentials()
        #expect(Self.runs(dir) == 3)

        let info = try JSONValue(parsingJSON: String(contentsOfFile: dir.path + "/info", encoding: .utf8))
        #expect(info["spec"]?["interactive"] == false)
        #expect(info["spec"]?["cluster"]?["server"] == "https://x:6443")
        #expect(info["spec"]?["cluster"]?["tls-server-name"] == "api.internal")
        #expect(try String(contentsOfFile: dir.path + "/args", encoding: .utf8) == "hello world\n")
    }

    @Test func clientCertificatesComeFromThePlugin() async throws {
        let dir = try TemporaryDirectory()
        _ = try Self.plugin(in: dir, status: #"{"clientCertificateData":"-----CERT-----","clientKeyData":"-----KEY-----"}"#)
        let config = try ClientConfiguration.load(kubeconfig: Self.kubeconfig(in: dir), environment: [:])
        let authenticator = Authenticator(source: config.credentials, environment: [:], now: { Date() })
        let credentials = try await authenticator.credentials()
        #expect(credentials.clientCertificatePEM == Array("-----CERT-----".utf8))
        #expect(credentials.clientKeyPEM == Array("-----KEY-----".utf8))
        #expect(credentials.bearerToken == nil)
        _ = try await authenticator.credentials()
        #expect(Self.runs(dir) == 1, "no expiry: cached until a 401")
    }

    @Test func failuresCarryThePluginsStderr() async throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("fail.sh", "#!/bin/sh\necho 'login required: run sso login' >&2\nexit 3\n", executable: true)
        let authenticator = Authenticator(source: .exec(ExecConfig(command: script)), environment: [:], now: { Date() })
        await #expect(throws: KubeError.credentials("exec plugin \(script) exited with status 3: login required: run sso login")) {
            try await authenticator.credentials()
        }
        let missing = Authenticator(source: .exec(ExecConfig(command: "no-such-plugin-xyz", installHint: "install it")),
                                    environment: ["PATH": dir.path], now: { Date() })
        await #expect(throws: KubeError.credentials("exec plugin no-such-plugin-xyz was not found in PATH\ninstall it")) {
            try await missing.credentials()
        }
    }
}
