import Foundation
import Testing
@testable import KubeClient

@Suite(.serialized, .timeLimit(.minutes(1))) struct TLSTests {
    let certificates: TestCertificates
    let server: TLSServer
    let transport: CurlTransport

    init() throws {
        certificates = try TestCertificates()
        server = try TLSServer(certificates)
        transport = try CurlTransport()
    }

    func request(_ tls: TLSOptions) -> HTTPRequest {
        HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/", tls: tls, timeouts: Timeouts(connect: .seconds(5), total: .seconds(10)))
    }

    func clientTLS(ca: String = "ca.crt", serverName: String? = "kubernetes") throws -> TLSOptions {
        TLSOptions(certificateAuthorityPEM: try certificates.pem(ca), clientCertificatePEM: try certificates.pem("client.crt"),
                   clientKeyPEM: try certificates.pem("client.key"), serverName: serverName)
    }

    @Test func trustsTheCAFromMemoryAndPresentsTheClientCertificate() async throws {
        let response = try await transport.send(request(try clientTLS()))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("s_server"))
    }

    @Test func anUntrustedServerIsATLSErrorSaidPlainly() async throws {
        do {
            _ = try await transport.send(request(try clientTLS(ca: "other.crt")))
            Issue.record("expected a TLS error")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .tls)
            #expect(failure.description.hasPrefix("TLS: certificate verify failed: "))
        }
    }

    @Test func withoutTheServerNameTheAddressDoesNotMatchTheCertificate() async throws {
        do {
            _ = try await transport.send(request(try clientTLS(serverName: nil)))
            Issue.record("expected a TLS error")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .tls)
            #expect(failure.description.contains("127.0.0.1"))
        }
    }

    @Test func insecureSkipsVerification() async throws {
        var tls = try clientTLS(ca: "other.crt", serverName: nil)
        tls.certificateAuthorityPEM = nil
        tls.insecureSkipVerify = true
        #expect(try await transport.send(request(tls)).status == 200)
    }
}
