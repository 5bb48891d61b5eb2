import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// NetworkPolicies that select the pods: ingress from namespaces and CIDRs as `ingress`,
    /// ingress from imported peers as their `dependsOn`, egress to CIDRs and peers as this one's
    /// `dependsOn`. Shipshape's own policy (default deny, DNS allowed) replaces them.
    mutating func importNetwork() {
        var ingress = IngressPolicy()
        for policy in related.networkPolicies {
            let policySpec = policy.value["spec"]
            for rule in policySpec?["ingress"]?.arrayValue ?? [] {
                let sources = rule["from"]?.arrayValue ?? []
                if sources.isEmpty { objectNote(policy.reference, "an ingress rule from anywhere is not expressed (use spec.ingress.fromCIDRs: [0.0.0.0/0])") }
                for source in sources { addIngress(source, policy: policy, into: &ingress) }
                if rule["ports"] != nil { objectNote(policy.reference, "ports of ingress rules are not kept: admitted sources reach every declared port") }
            }
            for rule in policySpec?["egress"]?.arrayValue ?? [] { addEgress(rule, policy: policy) }
            if policy.name != name { objectNote(policy.reference, "Shipshape renders its own policy \(name); this one is not adopted and still applies") }
        }
        ingress.fromNamespaces = ingress.fromNamespaces.map { Array(Set($0)).sorted() }
        ingress.fromCIDRs = ingress.fromCIDRs.map { Array(Set($0)).sorted() }
        spec.ingress = ingress == IngressPolicy() ? nil : ingress
        if related.networkPolicies.isEmpty {
            objectChanges.append("NetworkPolicy \(name) is created: default deny; ingress only from Microservices that list \(name) in dependsOn "
                + "and from spec.ingress; egress only to DNS and spec.dependsOn. Review both before adopting")
        }
    }

    private mutating func addIngress(_ source: JSONValue, policy: ImportInput, into ingress: inout IngressPolicy) {
        if let block = source["ipBlock"], let cidr = block["cidr"]?.stringValue {
            ingress.fromCIDRs = (ingress.fromCIDRs ?? []) + [cidr]
            if block["except"] != nil { objectNote(policy.reference, "ipBlock.except is not expressed") }
        } else if let namespaces = source["namespaceSelector"], source["podSelector"] == nil,
                  let names = Self.namespaceNames(namespaces) {
            ingress.fromNamespaces = (ingress.fromNamespaces ?? []) + names
        } else if let selector = source["podSelector"], source["namespaceSelector"] == nil {
            let callers = peers.peers(selectedBy: selector, in: namespace).filter { $0.name != name }
            if callers.isEmpty { objectNote(policy.reference, "ingress from pods \(selector.jsonText()) that were not imported is not expressed") }
            for caller in callers { dependents.append((caller.name, Dependency(service: name))) }
        } else {
            objectNote(policy.reference, "ingress from \(source.jsonText()) is not expressed")
        }
    }

    private mutating func addEgress(_ rule: JSONValue, policy: ImportInput) {
        let ports = (rule["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.intValue }
        if !ports.isEmpty, ports.allSatisfy({ $0 == 53 }) { return }  // DNS: Shipshape always allows it
        for destination in rule["to"]?.arrayValue ?? [] {
            if let cidr = destination["ipBlock"]?["cidr"]?.stringValue {
                spec.dependsOn = (spec.dependsOn ?? []) + [Dependency(cidr: cidr, ports: ports.isEmpty ? nil : ports)]
            } else if let selector = destination["podSelector"], destination["namespaceSelector"] == nil,
                      case let targets = peers.peers(selectedBy: selector, in: namespace), !targets.isEmpty {
                for target in targets where !(spec.dependsOn ?? []).contains(Dependency(service: target.name)) {
                    spec.dependsOn = (spec.dependsOn ?? []) + [Dependency(service: target.name)]
                }
            } else {
                objectNote(policy.reference, "egress to \(destination.jsonText()) is not expressed")
            }
        }
        if rule["to"] == nil { objectNote(policy.reference, "an egress rule to anywhere is not expressed (use dependsOn: [{cidr: 0.0.0.0/0}])") }
    }

    /// The namespaces a namespaceSelector names through `kubernetes.io/metadata.name`.
    private static func namespaceNames(_ selector: JSONValue) -> [String]? {
        if let name = selector["matchLabels"]?["kubernetes.io/metadata.name"]?.stringValue, selector["matchExpressions"] == nil { return [name] }
        let expressions = selector["matchExpressions"]?.arrayValue ?? []
        guard selector["matchLabels"] == nil, expressions.count == 1, expressions[0]["key"]?.stringValue == "kubernetes.io/metadata.name",
              expressions[0]["operator"]?.stringValue == "In" else { return nil }
        return expressions[0]["values"]?.arrayValue?.compactMap(\.stringValue)
    }
}
