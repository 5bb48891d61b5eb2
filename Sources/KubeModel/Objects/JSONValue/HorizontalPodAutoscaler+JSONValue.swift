// HorizontalPodAutoscaler's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension HorizontalPodAutoscaler: SpecifiedObject {}

extension HorizontalPodAutoscalerSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("scaleTargetRef", scaleTargetRef)
        object.add("minReplicas", minReplicas)
        object.add("maxReplicas", maxReplicas)
        object.add("metrics", metrics)
        return object.value
    }
}

extension CrossVersionObjectReference: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("kind", kind)
        object.add("name", name)
        object.add("apiVersion", apiVersion)
        return object.value
    }
}

extension MetricSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("type", type)
        object.add("resource", resource)
        return object.value
    }
}

extension ResourceMetricSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("name", name)
        object.add("target", target)
        return object.value
    }
}

extension MetricTarget: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("type", type)
        object.add("value", value)
        object.add("averageValue", averageValue)
        object.add("averageUtilization", averageUtilization)
        return object.value
    }
}
