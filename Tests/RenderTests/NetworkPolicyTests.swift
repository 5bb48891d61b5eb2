import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct NetworkPolicyTests {
    private func selector(_ name: String) -> LabelSelector {
        LabelSelector(matchLabels: ["app.kubernetes.io/name": name, "app.kubernetes.io/instance": name])
    }

    @Test func ingressComesFromEveryDependent() throws {
        let catalog = Sample.microservice("catalog") {
            $0.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080), ShipshapeAPI.ServicePort(name: "admin", port: 9000)]
        }
        let orders = Sample.microservice("orders") { $0.dependsOn = [Dependency(service: "catalog", port: .string("http"))] }
        let search = Sample.microservice("search") { $0.dependsOn = [Dependency(service: "catalog")] }
        let output = Renderer().render([search, catalog, orders])
        #expect(output.warnings.isEmpty)

        let policy = try Sample.object(NetworkPolicy.self, of: "shop/catalog", in: output)
        #expect(policy.spec.podSelector == selector("catalog"))
        #expect(policy.spec.policyTypes == ["Ingress", "Egress"])
        #expect(policy.spec.ingress == [
            NetworkPolicyIngressRule(from: [NetworkPolicyPeer(podSelector: selector("orders"))],
                                     ports: [NetworkPolicyPort(protocol: "TCP", port: .string("http"))]),
            NetworkPolicyIngressRule(from: [NetworkPolicyPeer(podSelector: selector("search"))],
                                     ports: [NetworkPolicyPort(protocol: "TCP", port: .string("http")),
                                             NetworkPolicyPort(protocol: "TCP", port: .string("admin"))]),
        ])

        let searchEgress = try Sample.object(NetworkPolicy.self, of: "shop/search", in: output).spec.egress
        #expect(searchEgress?.last == NetworkPolicyEgressRule(
            to: [NetworkPolicyPeer(podSelector: selector("catalog"))],
            ports: [NetworkPolicyPort(protocol: "TCP", port: .string("http")), NetworkPolicyPort(protocol: "TCP", port: .string("admin"))]))
    }

    @Test func withNoDependentsOrSourcesIngressIsDenied() throws {
        let policy = try Sample.object(NetworkPolicy.self, of: "shop/lonely", in: Renderer().render([Sample.microservice("lonely")]))
        #expect(policy.spec.ingress == nil)
        #expect(policy.spec.policyTypes == ["Ingress", "Egress"])
        #expect(policy.spec.egress == [NetworkPolicyEgressRule.dns])
    }

    @Test func dnsEgressGoesToKubeDNS() {
        let dns = NetworkPolicyEgressRule.dns
        #expect(dns.to == [NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]),
                                             namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "kube-system"]))])
        #expect(dns.ports?.map { "\($0.protocol ?? "")/\($0.port?.description ?? "")" } == ["UDP/53", "TCP/53"])
    }

    @Test func crossNamespaceDependenciesSelectTheNamespace() throws {
        let gateway = Sample.microservice("gateway", namespace: "payments")
        let checkout = Sample.microservice("checkout", namespace: "shop") {
            $0.dependsOn = [Dependency(service: "gateway", namespace: "payments", port: .int(8080))]
        }
        let output = Renderer().render([checkout, gateway])
        let egress = try Sample.object(NetworkPolicy.self, of: "shop/checkout", in: output).spec.egress?.last
        #expect(egress?.to == [NetworkPolicyPeer(podSelector: selector("gateway"), namespaceSelector: .namespace("payments"))])
        #expect(egress?.ports == [NetworkPolicyPort(protocol: "TCP", port: .int(8080))])
        let ingress = try Sample.object(NetworkPolicy.self, of: "payments/gateway", in: output).spec.ingress
        #expect(ingress == [NetworkPolicyIngressRule(
            from: [NetworkPolicyPeer(podSelector: selector("checkout"), namespaceSelector: .namespace("shop"))],
            ports: [NetworkPolicyPort(protocol: "TCP", port: .int(8080))])])
    }

    @Test func aMissingDependencyRendersByLabelWithAWarning() throws {
        let web = Sample.microservice("web") { $0.dependsOn = [Dependency(cidr: "10.0.0.0/8"), Dependency(service: "ghost")] }
        let output = Renderer().render([web])
        let egress = try Sample.object(NetworkPolicy.self, of: "shop/web", in: output).spec.egress
        #expect(egress?.last == NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: selector("ghost"))], ports: nil))
        #expect(egress?.dropFirst().first == NetworkPolicyEgressRule(to: [NetworkPolicyPeer(ipBlock: IPBlock(cidr: "10.0.0.0/8"))]))
        #expect(output.warnings.map(\.path.description) == ["spec.dependsOn[1].service"])
        #expect(output.warnings.first?.microservice == "shop/web")
    }

    @Test func declaredSourcesAndMetricsScrapers() throws {
        let api = Sample.microservice("api") {
            $0.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080), ShipshapeAPI.ServicePort(name: "metrics", port: 9090)]
            $0.ingress = IngressPolicy(fromNamespaces: ["ingress-nginx"], fromCIDRs: ["192.168.0.0/16"])
            $0.observability = Observability(metrics: MetricsEndpoint(port: "metrics"))
        }
        let ingress = try Sample.object(NetworkPolicy.self, of: "shop/api", in: Renderer().render([api])).spec.ingress
        let all = [NetworkPolicyPort(protocol: "TCP", port: .string("http")), NetworkPolicyPort(protocol: "TCP", port: .string("metrics"))]
        #expect(ingress == [
            NetworkPolicyIngressRule(from: [NetworkPolicyPeer(namespaceSelector: .namespace("ingress-nginx"))], ports: all),
            NetworkPolicyIngressRule(from: [NetworkPolicyPeer(ipBlock: IPBlock(cidr: "192.168.0.0/16"))], ports: all),
            NetworkPolicyIngressRule(from: [NetworkPolicyPeer(namespaceSelector: LabelSelector())],
                                     ports: [NetworkPolicyPort(protocol: "TCP", port: .string("metrics"))]),
        ])
    }

    @Test func ingressRulesDoNotDependOnInputOrder() throws {
        let target = Sample.microservice("target")
        let callers = ["c", "a", "b"].map { name in
            Sample.microservice(name) { $0.dependsOn = [Dependency(service: "target")] }
        }
        let first = Renderer().render([target] + callers)
        let second = Renderer().render(callers.reversed() + [target])
        let policy = { (output: RenderOutput) in try Sample.object(NetworkPolicy.self, of: "shop/target", in: output) }
        #expect(try policy(first) == policy(second))
        #expect(try policy(first).spec.ingress?.compactMap { $0.from?.first?.podSelector?.matchLabels?["app.kubernetes.io/name"] }
            == ["a", "b", "c"])
    }
}
