// Volume's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Volume: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("name", name)
        object.add("emptyDir", emptyDir)
        object.add("secret", secret)
        object.add("configMap", configMap)
        return object.value
    }
}

extension EmptyDirVolumeSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("medium", medium)
        object.add("sizeLimit", sizeLimit)
        return object.value
    }
}

extension SecretVolumeSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("secretName", secretName)
        object.add("defaultMode", defaultMode)
        object.add("optional", optional)
        return object.value
    }
}

extension ConfigMapVolumeSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("name", name)
        object.add("defaultMode", defaultMode)
        object.add("optional", optional)
        return object.value
    }
}
