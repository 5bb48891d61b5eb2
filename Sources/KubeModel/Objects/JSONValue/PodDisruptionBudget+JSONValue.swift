// PodDisruptionBudget's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension PodDisruptionBudget: SpecifiedObject {}

extension PodDisruptionBudgetSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("minAvailable", minAvailable)
        object.add("selector", selector)
        object.add("maxUnavailable", maxUnavailable)
        object.add("unhealthyPodEvictionPolicy", unhealthyPodEvictionPolicy)
        return object.value
    }
}
