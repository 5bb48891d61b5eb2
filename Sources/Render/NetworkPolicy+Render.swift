import KubeModel
import ShipshapeAPI

extension NetworkPolicy {
    /// Zero trust for the Microservice's pods: both directions denied except what its
    /// dependencies, its dependents and its declared ingress sources need.
    init(rendering context: RenderContext, warnings: inout [RenderWarning]) {
        let ingress = NetworkPolicyIngressRule.rendering(context)
        self.init(metadata: context.metadata(), spec: NetworkPolicySpec(
            podSelector: context.podSelector,
            policyTypes: ["Ingress", "Egress"],
            ingress: ingress.isEmpty ? nil : ingress,
            egress: NetworkPolicyEgressRule.rendering(context, warnings: &warnings)))
    }
}

extension NetworkPolicyPeer {
    /// The pods of Microservice `name` in `namespace`, as seen from a policy in `home`.
    static func microservice(_ name: String, namespace: String, from home: String) -> NetworkPolicyPeer {
        NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: Labels.selector(of: name)),
                          namespaceSelector: namespace == home ? nil : .namespace(namespace))
    }
}

extension LabelSelector {
    /// The namespace called `name`, by the label the API server sets on every namespace.
    static func namespace(_ name: String) -> LabelSelector {
        LabelSelector(matchLabels: [Labels.namespaceName: name])
    }
}

extension NetworkPolicyPort {
    /// Each declared port by name (the pods declare them); nil, meaning all ports, when none is declared.
    static func declared(_ ports: [ShipshapeAPI.ServicePort]?) -> [NetworkPolicyPort]? {
        guard let ports, !ports.isEmpty else { return nil }
        return ports.map { NetworkPolicyPort(protocol: "TCP", port: .string($0.name)) }
    }
}
