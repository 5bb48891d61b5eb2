// NetworkPolicy's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension NetworkPolicy: SpecifiedObject {}

extension NetworkPolicySpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("podSelector", podSelector)
        object.add("policyTypes", policyTypes)
        object.add("ingress", ingress)
        object.add("egress", egress)
        return object.value
    }
}

extension NetworkPolicyIngressRule: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("from", from)
        object.add("ports", ports)
        return object.value
    }
}

extension NetworkPolicyEgressRule: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("to", to)
        object.add("ports", ports)
        return object.value
    }
}

extension NetworkPolicyPeer: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("podSelector", podSelector)
        object.add("namespaceSelector", namespaceSelector)
        object.add("ipBlock", ipBlock)
        return object.value
    }
}

extension IPBlock: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("cidr", cidr)
        object.add("except", except)
        return object.value
    }
}

extension NetworkPolicyPort: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("protocol", `protocol`)
        object.add("port", port)
        object.add("endPort", endPort)
        return object.value
    }
}
