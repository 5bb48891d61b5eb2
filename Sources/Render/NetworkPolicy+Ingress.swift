import KubeModel
import ShipshapeAPI

extension NetworkPolicyIngressRule {
    /// One rule per dependency on this Microservice in the rendered set (from the dependent's
    /// pods, to the port it calls or all declared ports); one from `ingress.fromNamespaces` and
    /// one from `ingress.fromCIDRs` to all declared ports; and, with `observability.metrics`,
    /// the metrics port from any pod in the cluster, so whichever Prometheus runs can scrape it.
    static func rendering(_ context: RenderContext) -> [NetworkPolicyIngressRule] {
        let declared = NetworkPolicyPort.declared(context.spec.ports)
        var rules = context.peers.dependents(of: context.key).map { dependent in
            NetworkPolicyIngressRule(
                from: [.microservice(dependent.name, namespace: dependent.namespace, from: context.namespace)],
                ports: dependent.dependency.port.map {
                    [NetworkPolicyPort(protocol: dependent.dependency.protocol ?? "TCP", port: $0)]
                } ?? declared)
        }
        let ingress = context.spec.ingress
        if let namespaces = ingress?.fromNamespaces, !namespaces.isEmpty {
            rules.append(NetworkPolicyIngressRule(
                from: namespaces.map { NetworkPolicyPeer(namespaceSelector: .namespace($0)) }, ports: declared))
        }
        if let cidrs = ingress?.fromCIDRs, !cidrs.isEmpty {
            rules.append(NetworkPolicyIngressRule(
                from: cidrs.map { NetworkPolicyPeer(ipBlock: IPBlock(cidr: $0)) }, ports: declared))
        }
        if let metrics = context.spec.observability?.metrics {
            rules.append(NetworkPolicyIngressRule(
                from: [NetworkPolicyPeer(namespaceSelector: LabelSelector())],
                ports: [NetworkPolicyPort(protocol: "TCP", port: .string(metrics.port))]))
        }
        return rules
    }
}
