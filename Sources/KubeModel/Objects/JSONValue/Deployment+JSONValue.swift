// Deployment's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Deployment: SpecifiedObject {}

extension DeploymentSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 8)
        object.add("replicas", replicas)
        object.add("selector", selector)
        object.add("strategy", strategy)
        object.add("minReadySeconds", minReadySeconds)
        object.add("revisionHistoryLimit", revisionHistoryLimit)
        object.add("progressDeadlineSeconds", progressDeadlineSeconds)
        object.add("paused", paused)
        object.add("template", template)
        return object.value
    }
}

extension DeploymentStrategy: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("type", type)
        object.add("rollingUpdate", rollingUpdate)
        return object.value
    }
}

extension RollingUpdateDeployment: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("maxUnavailable", maxUnavailable)
        object.add("maxSurge", maxSurge)
        return object.value
    }
}
