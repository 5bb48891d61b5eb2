import Foundation
import KubeModel

/// Secrets, namespaces, network policies and autoscalers.
extension Defaulting {
    /// `stringData` is merged into `data` (base64), as the API server's conversion does; type Opaque.
    static func secret(_ object: JSONValue) -> JSONValue {
        var object = object
        if let strings = object["stringData"]?.objectValue {
            var data = object["data"]?.objectValue ?? JSONObject()
            for (key, value) in strings {
                data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
            }
            object["data"] = .object(data)
            object["stringData"] = nil
        }
        setDefault(&object, "type", "Opaque")
        return object
    }

    /// Every namespace carries the label `kubernetes.io/metadata.name` with its own name.
    static func namespace(_ object: JSONValue) -> JSONValue {
        var object = object
        guard let name = object["metadata"]?["name"]?.stringValue, !name.isEmpty else { return object }
        var labels = object["metadata"]?["labels"]?.objectValue ?? JSONObject()
        labels["kubernetes.io/metadata.name"] = .string(name)
        object["metadata"]?["labels"] = .object(labels)
        return object
    }

    /// `policyTypes` from the rules present (Ingress always, Egress with egress rules); port protocol TCP.
    static func networkPolicySpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        for direction in ["ingress", "egress"] {
            eachItem(&spec, direction) { rule in
                var rule = rule
                eachItem(&rule, "ports") { port in
                    var port = port
                    setDefault(&port, "protocol", "TCP")
                    return port
                }
                return rule
            }
        }
        if (spec["policyTypes"]?.arrayValue ?? []).isEmpty {
            var types: [JSONValue] = ["Ingress"]
            if !(spec["egress"]?.arrayValue ?? []).isEmpty { types.append("Egress") }
            spec["policyTypes"] = .array(types)
        }
        return spec
    }

    /// autoscaling/v2: minReplicas 1, a CPU utilization target of 80% when no metric is given,
    /// and the default scaling rules for a `behavior` that is given.
    static func autoscalerSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "minReplicas", 1)
        if (spec["metrics"]?.arrayValue ?? []).isEmpty {
            spec["metrics"] = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]]]]
        }
        if spec["behavior"] != nil {
            let behavior = spec["behavior"]
            spec["behavior"]?["scaleUp"] = scalingRules(behavior?["scaleUp"], stabilization: 0,
                                                        policies: [["type": "Pods", "value": 4, "periodSeconds": 15],
                                                                   ["type": "Percent", "value": 100, "periodSeconds": 15]])
            spec["behavior"]?["scaleDown"] = scalingRules(behavior?["scaleDown"], stabilization: nil,
                                                          policies: [["type": "Percent", "value": 100, "periodSeconds": 15]])
        }
        return spec
    }

    private static func scalingRules(_ rules: JSONValue?, stabilization: Int?, policies: [JSONValue]) -> JSONValue {
        var rules = rules ?? .object([:])
        if let stabilization { setDefault(&rules, "stabilizationWindowSeconds", .integer(stabilization)) }
        setDefault(&rules, "selectPolicy", "Max")
        if (rules["policies"]?.arrayValue ?? []).isEmpty { rules["policies"] = .array(policies) }
        return rules
    }
}
