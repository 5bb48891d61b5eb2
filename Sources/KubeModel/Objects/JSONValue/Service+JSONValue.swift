// Service's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Service: SpecifiedObject {}

extension ServiceSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 6)
        object.add("ports", ports)
        object.add("selector", selector)
        object.add("clusterIP", clusterIP)
        object.add("type", type)
        object.add("sessionAffinity", sessionAffinity)
        object.add("internalTrafficPolicy", internalTrafficPolicy)
        return object.value
    }
}

extension ServicePort: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 6)
        object.add("name", name)
        object.add("protocol", `protocol`)
        object.add("appProtocol", appProtocol)
        object.add("port", port)
        object.add("targetPort", targetPort)
        object.add("nodePort", nodePort)
        return object.value
    }
}
