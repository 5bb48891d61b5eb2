import Foundation
import Testing
@testable import KubeClient

@Suite struct InClusterTests {
    @Test func readsServiceEnvironmentAndMountedFiles() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sa/token", "tok-1")
        try dir.write("sa/ca.crt", "CLUSTER-CA")
        try dir.write("sa/namespace", "shipshape-system\n")
        let config = try ClientConfiguration.inCluster(
            environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"],
            paths: ServiceAccountPaths(directory: dir.path + "/sa"))
        #expect(config.server == "https://[fd00::1]:443")
        #expect(config.namespace == "shipshape-system")
        #expect(config.tls.certificateAuthorityPEM == Array("CLUSTER-CA".utf8))
        #expect(throws: KubeError.self) { try ClientConfiguration.inCluster(environment: [:], paths: ServiceAccountPaths(directory: dir.path + "/sa")) }
    }

    @Test func rotatedTokensAreReadAfterTheIntervalOrA401() async throws {
        let dir = try TemporaryDirectory()
        let token = try dir.write("token", "tok-1\n")
        let clock = TestClock()
        let authenticator = Authenticator(source: .tokenFile(path: token, refreshInterval: .seconds(60)), environment: [:], now: clock.closure)
        #expect(try await authenticator.credentials().bearerToken == "tok-1")
        try dir.write("token", "tok-2")
        clock.advance(by: 59)
        #expect(try await authenticator.credentials().bearerToken == "tok-1")
        clock.advance(by: 1)
        #expect(try await authenticator.credentials().bearerToken == "tok-2")
        try dir.write("token", "tok-3")
        await authenticator.invalidate()
        #expect(try await authenticator.credentials().bearerToken == "tok-3")
    }
}
