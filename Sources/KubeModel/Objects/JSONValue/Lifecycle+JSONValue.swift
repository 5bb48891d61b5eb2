// Lifecycle's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Lifecycle: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("postStart", postStart)
        object.add("preStop", preStop)
        return object.value
    }
}

extension LifecycleHandler: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("exec", exec)
        object.add("httpGet", httpGet)
        object.add("tcpSocket", tcpSocket)
        object.add("sleep", sleep)
        return object.value
    }
}

extension SleepAction: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 1)
        object.add("seconds", seconds)
        return object.value
    }
}
