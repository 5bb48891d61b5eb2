import KubeModel
import ShipshapeAPI
import Testing
@testable import Checklist

/// `slo-defined`, `alerts-configured` and `mtls-enforced` on Microservices, in spec terms.
@Suite struct ServiceLevelAndMeshTests {
    static func microservice(_ extra: String = "", ports: String = "[ { name: http, port: 8080 }, { name: metrics, port: 9090 } ]") throws -> Microservice {
        try readMicroservice("""
            apiVersion: shipshape.dev/v1alpha1
            kind: Microservice
            metadata: { name: orders, namespace: shop }
            spec:
              image: registry.example.com/shop/orders:1.8.2
              ports: \(ports)
            \(extra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            """)
    }

    static func result(_ rule: String, _ microservice: Microservice, options: ChecklistOptions = .init()) -> RuleResult? {
        Checklist(options: options).check(microservice).results.first { $0.rule == rule }
    }

    static func messages(_ result: RuleResult?) -> [String] { result?.findings.map(\.message) ?? [] }

    @Test func sloDefined() throws {
        let none = Self.result("slo-defined", try Self.microservice())
        #expect(none?.outcome == .failed)
        #expect(Self.messages(none) == ["spec.slo is not set"])
        let given = try Self.microservice("slo:\n  availability: { objective: 99.9, window: 30d }")
        #expect(Self.result("slo-defined", given)?.outcome == .passed)
    }

    @Test func alertsConfigured() throws {
        let unscraped = Self.result("alerts-configured", try Self.microservice())
        #expect(unscraped?.outcome == .failed)
        #expect(Self.messages(unscraped) == ["spec.observability.metrics is not set, so nothing scrapes port metrics"])
        let scraped = try Self.microservice("observability:\n  metrics: { port: metrics, path: /metrics }")
        #expect(Self.result("alerts-configured", scraped)?.outcome == .passed)
        let nothingDeclared = try Self.microservice(ports: "[ { name: http, port: 8080 } ]")
        #expect(Self.result("alerts-configured", nothingDeclared) == nil, "not applicable: no metrics, no SLO")
    }

    @Test func mtlsEnforcedOnlyWhereTheMeshIsDetectedOrAskedFor() throws {
        let plain = try Self.microservice()
        #expect(Self.result("mtls-enforced", plain) == nil, "off without a mesh")
        var detected = ChecklistOptions()
        detected.meshDetected = true
        let missing = Self.result("mtls-enforced", plain, options: detected)
        #expect(missing?.outcome == .failed)
        #expect(Self.messages(missing) == ["spec.mesh.mtls is not set, and the cluster runs Istio"])
        #expect(Self.result("mtls-enforced", try Self.microservice("mesh: { mtls: strict }"), options: detected)?.outcome == .passed)
        #expect(Self.messages(Self.result("mtls-enforced", try Self.microservice("mesh: { mtls: disabled }"))) == ["spec.mesh.mtls is disabled"])
        var byFlag = detected
        byFlag.meshMTLSByDefault = true
        #expect(Self.result("mtls-enforced", plain, options: byFlag)?.outcome == .passed, "the cluster-wide flag gives it mTLS")
    }

    @Test func exemptedLikeEveryRule() throws {
        let exempted = try Self.microservice("checklist:\n  exemptions: [ { rule: slo-defined, reason: \"batch service, no traffic SLO\" } ]")
        #expect(Self.result("slo-defined", exempted)?.outcome == .exempted(reason: "batch service, no traffic SLO"))
    }
}
