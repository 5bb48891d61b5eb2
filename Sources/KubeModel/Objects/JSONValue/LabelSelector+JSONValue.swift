// LabelSelector's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension LabelSelector: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("matchLabels", matchLabels)
        object.add("matchExpressions", matchExpressions)
        return object.value
    }
}

extension LabelSelectorRequirement: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("key", key)
        object.add("operator", `operator`)
        object.add("values", values)
        return object.value
    }
}
