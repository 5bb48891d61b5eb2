import KubeModel
import ShipshapeAPI

/// An Istio ALLOW AuthorizationPolicy for the Microservice's pods admitting exactly what its
/// NetworkPolicy admits, at the level of identities: each dependent Microservice by its
/// ServiceAccount principal on the port it calls (or all declared ports), the declared ingress
/// namespaces and CIDRs on the declared ports, and the metrics port from anywhere. With none of
/// these the policy has no rules, and Istio denies every request.
enum AuthorizationPolicyRendering {
    static func spec(_ context: RenderContext, trustDomain: String) -> JSONValue {
        let declared = (context.spec.ports ?? []).map { String($0.port) }
        var rules: [JSONValue] = []
        var callers: [(ports: [String], principals: [String])] = []
        for dependent in context.peers.dependents(of: context.key) {
            guard let caller = context.peers.microservice("\(dependent.namespace)/\(dependent.name)") else { continue }
            let ports: [String]
            switch dependent.dependency.port {
            case .int(let number)?: ports = [String(number)]
            case .string(let name)?:
                // An undeclared name admits nothing (the NetworkPolicy renders it with a warning).
                guard let port = context.spec.ports?.first(where: { $0.name == name }) else { continue }
                ports = [String(port.port)]
            case nil: ports = declared
            }
            let principal = MeshIdentity.principal(of: caller, trustDomain: trustDomain)
            if let index = callers.firstIndex(where: { $0.ports == ports }) {
                if !callers[index].principals.contains(principal) { callers[index].principals.append(principal) }
            } else {
                callers.append((ports, [principal]))
            }
        }
        for caller in callers {
            rules.append(rule(source: ["principals": .array(caller.principals.map(JSONValue.string))], ports: caller.ports))
        }
        if let namespaces = context.spec.ingress?.fromNamespaces, !namespaces.isEmpty {
            rules.append(rule(source: ["namespaces": .array(namespaces.map(JSONValue.string))], ports: declared))
        }
        if let cidrs = context.spec.ingress?.fromCIDRs, !cidrs.isEmpty {
            rules.append(rule(source: ["ipBlocks": .array(cidrs.map(JSONValue.string))], ports: declared))
        }
        if let metrics = context.metricsPortNumber {
            rules.append(["to": [["operation": ["ports": [.string(String(metrics))]]]]])
        }
        return ["selector": ["matchLabels": context.selectorLabels], "action": "ALLOW", "rules": .array(rules)]
    }

    /// One rule: from `source`, to `ports` (any port when empty).
    private static func rule(source: JSONObject, ports: [String]) -> JSONValue {
        var rule: JSONObject = ["from": [["source": .object(source)]]]
        if !ports.isEmpty { rule["to"] = [["operation": ["ports": .array(ports.map(JSONValue.string))]]] }
        return .object(rule)
    }
}
