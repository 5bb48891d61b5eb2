// ServiceAccount's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension ServiceAccount: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 5)
        object.add("apiVersion", apiVersion)
        object.add("kind", kind)
        object.add("metadata", metadata)
        object.add("imagePullSecrets", imagePullSecrets)
        object.add("automountServiceAccountToken", automountServiceAccountToken)
        return object.value
    }
}
