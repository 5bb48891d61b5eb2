import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct TracingEgressTests {
    @Test func tracingCollectorEgress() throws {
        func egress(_ endpoint: String) throws -> (NetworkPolicyEgressRule?, [RenderWarning]) {
            let output = Renderer().render([Sample.microservice("api") {
                $0.observability = Observability(tracing: Tracing(endpoint: endpoint))
            }])
            let rules = try Sample.object(NetworkPolicy.self, of: "shop/api", in: output).spec.egress ?? []
            return (rules.count > 1 ? rules.last : nil, output.warnings)
        }
        let collector = try egress("http://otel-collector.observability:4317")
        #expect(collector.0 == NetworkPolicyEgressRule(to: [NetworkPolicyPeer(namespaceSelector: .namespace("observability"))],
                                                       ports: [NetworkPolicyPort(protocol: "TCP", port: .int(4317))]))
        let local = try egress("http://otel-collector:4318/v1/traces")
        #expect(local.0?.to == [NetworkPolicyPeer(podSelector: LabelSelector())])
        #expect(try egress("https://10.1.2.3").0?.to == [NetworkPolicyPeer(ipBlock: IPBlock(cidr: "10.1.2.3/32"))])
        #expect(try egress("https://10.1.2.3").0?.ports == [NetworkPolicyPort(protocol: "TCP", port: .int(443))])
        let external = try egress("https://otlp.vendor.example.com:4317")
        #expect(external.0 == nil)
        #expect(external.1.map(\.path.description) == ["spec.observability.tracing.endpoint"])
    }

    @Test(arguments: [
        ("http://otel-collector.observability:4317", "otel-collector.observability", 4317, Endpoint.Location.service(namespace: "observability")),
        ("http://c.obs.svc.cluster.local:4318/v1/traces", "c.obs.svc.cluster.local", 4318, .service(namespace: "obs")),
        ("collector:4317", "collector", 4317, .service(namespace: nil)),
        ("https://otlp.example.com", "otlp.example.com", 443, .external),
        ("http://[fd00::1]:4317", "fd00::1", 4317, .address("fd00::1/128")),
        ("http://192.0.2.10", "192.0.2.10", 80, .address("192.0.2.10/32")),
    ] as [(String, String, Int, Endpoint.Location)])
    func endpointsAreParsed(url: String, host: String, port: Int, location: Endpoint.Location) throws {
        let endpoint = try #require(Endpoint(url))
        #expect(endpoint.host == host && endpoint.port == port && endpoint.location == location)
    }

    @Test func endpointsWithoutAHostOrPortAreRejected() {
        #expect(Endpoint("http://:4317") == nil)
        #expect(Endpoint("http://collector:notaport") == nil)
        #expect(Endpoint("http://collector:70000") == nil)
    }
}
