// ObjectMeta's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension ObjectMeta: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 14)
        object.add("name", name)
        object.add("generateName", generateName)
        object.add("namespace", namespace)
        object.add("uid", uid)
        object.add("resourceVersion", resourceVersion)
        object.add("generation", generation)
        object.add("creationTimestamp", creationTimestamp)
        object.add("deletionTimestamp", deletionTimestamp)
        object.add("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
        object.add("labels", labels)
        object.add("annotations", annotations)
        object.add("ownerReferences", ownerReferences)
        object.add("finalizers", finalizers)
        object.add("managedFields", managedFields)
        return object.value
    }
}

extension OwnerReference: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 6)
        object.add("apiVersion", apiVersion)
        object.add("kind", kind)
        object.add("name", name)
        object.add("uid", uid)
        object.add("controller", controller)
        object.add("blockOwnerDeletion", blockOwnerDeletion)
        return object.value
    }
}
