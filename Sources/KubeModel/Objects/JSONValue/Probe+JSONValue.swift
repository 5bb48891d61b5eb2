// Probe's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Probe: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 9)
        object.add("exec", exec)
        object.add("httpGet", httpGet)
        object.add("tcpSocket", tcpSocket)
        object.add("grpc", grpc)
        object.add("initialDelaySeconds", initialDelaySeconds)
        object.add("timeoutSeconds", timeoutSeconds)
        object.add("periodSeconds", periodSeconds)
        object.add("successThreshold", successThreshold)
        object.add("failureThreshold", failureThreshold)
        return object.value
    }
}

extension ExecAction: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 1)
        object.add("command", command)
        return object.value
    }
}

extension HTTPGetAction: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("path", path)
        object.add("port", port)
        object.add("host", host)
        object.add("scheme", scheme)
        return object.value
    }
}

extension TCPSocketAction: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("port", port)
        object.add("host", host)
        return object.value
    }
}

extension GRPCAction: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("port", port)
        object.add("service", service)
        return object.value
    }
}
