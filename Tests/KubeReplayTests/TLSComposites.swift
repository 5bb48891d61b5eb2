import AsyncHTTPClient
import KubeModel
import KubeSandbox
import NIOCore
import NIOSSL

/// 531-533: the recorded request against a second sandbox started with TLS (as `kube-sandbox
/// --tls` runs), sent anonymously, with a client certificate, or with an unknown token.
enum TLSComposites {
    static let seqs: Set<Int> = [531, 532, 533]

    /// The answer's status and reason, as the recording summarises them.
    static func run(_ replayCase: ReplayCase) async throws -> JSONValue {
        let credentials = replayCase.request["credentials"]?.stringValue ?? "anonymous"
        return try await KubeSandbox.withRunning(SandboxOptions(tls: true)) { sandbox in
            guard let certificates = sandbox.certificates else { throw ReplayDataError("a TLS sandbox without certificates") }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificates.caPEM.utf8), format: .pem)])
            if credentials == "client-cert" {
                let minted = try certificates.clientCertificate(user: "fid-harness", groups: ["system:masters"])
                tls.certificateChain = [.certificate(try NIOSSLCertificate(bytes: Array(minted.certificatePEM.utf8), format: .pem))]
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(minted.keyPEM.utf8), format: .pem))
            }
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            let headers = credentials == "bad-token" ? ["Authorization": "Bearer not-a-valid-token"] : [:]
            let observed: Observed
            do {
                observed = try await Replayer(baseURL: sandbox.url, http: http).send(replayCase.method, replayCase.path, headers: headers)
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
            return ["status": .integer(observed.status), "reason": observed.json?["reason"] ?? .null]
        }
    }
}
