import KubeModel
import ShipshapeAPI

extension NetworkPolicyEgressRule {
    /// DNS to the cluster's resolver (kube-dns/CoreDNS pods in kube-system), over UDP and TCP.
    static let dns = NetworkPolicyEgressRule(
        to: [NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]), namespaceSelector: .namespace("kube-system"))],
        ports: [NetworkPolicyPort(protocol: "UDP", port: .int(53)), NetworkPolicyPort(protocol: "TCP", port: .int(53))])

    /// DNS, then one rule per dependency: a Microservice by its pod labels (and namespace) on the
    /// port called (or all its ports), a CIDR on its ports (or all); then the tracing collector.
    /// A Microservice missing from the rendered set, or a port it does not declare, is rendered
    /// as written with a warning.
    static func rendering(_ context: RenderContext, warnings: inout [RenderWarning]) -> [NetworkPolicyEgressRule] {
        var rules = [dns]
        for (index, dependency) in (context.spec.dependsOn ?? []).enumerated() {
            let path = RenderContext.specPath.key("dependsOn").index(index)
            let transport = dependency.protocol ?? "TCP"
            if let service = dependency.service {
                let namespace = dependency.namespace ?? context.namespace
                let peer = context.peers.microservice("\(namespace)/\(service)")
                if peer == nil {
                    warnings.append(context.warning(at: path.key("service"), "Microservice \(namespace)/\(service) is not "
                        + "among those rendered together with this one: egress to it is rendered by its labels"
                        + (dependency.port == nil ? " on all ports" : "") + ", and its ingress from this one is not rendered"))
                }
                let ports: [NetworkPolicyPort]?
                if let port = dependency.port {
                    if case .string(let name) = port, let peer, !(peer.spec.ports ?? []).contains(where: { $0.name == name }) {
                        let declared = (peer.spec.ports ?? []).map(\.name).joined(separator: ", ")
                        warnings.append(context.warning(at: path.key("port"), "\"\(name)\" is not a port of "
                            + "\(peer.key) (declared: \(declared.isEmpty ? "none" : declared)), so no traffic is allowed"))
                    }
                    ports = [NetworkPolicyPort(protocol: transport, port: port)]
                } else {
                    ports = NetworkPolicyPort.declared(peer?.spec.ports)
                }
                rules.append(NetworkPolicyEgressRule(
                    to: [.microservice(service, namespace: namespace, from: context.namespace)], ports: ports))
            } else if let cidr = dependency.cidr {
                let ports = (dependency.ports ?? []).map { NetworkPolicyPort(protocol: transport, port: .int($0)) }
                rules.append(NetworkPolicyEgressRule(to: [NetworkPolicyPeer(ipBlock: IPBlock(cidr: cidr))],
                                                     ports: ports.isEmpty ? nil : ports))
            }
        }
        if let collector = tracing(context, warnings: &warnings) { rules.append(collector) }
        return rules
    }
}
