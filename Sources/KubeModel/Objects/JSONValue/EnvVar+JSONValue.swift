// EnvVar's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension EnvVar: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("name", name)
        object.add("value", value)
        object.add("valueFrom", valueFrom)
        return object.value
    }
}

extension EnvVarSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("fieldRef", fieldRef)
        object.add("configMapKeyRef", configMapKeyRef)
        object.add("secretKeyRef", secretKeyRef)
        return object.value
    }
}

extension ObjectFieldSelector: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("apiVersion", apiVersion)
        object.add("fieldPath", fieldPath)
        return object.value
    }
}

extension ConfigMapKeySelector: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("name", name)
        object.add("key", key)
        object.add("optional", optional)
        return object.value
    }
}

extension SecretKeySelector: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("name", name)
        object.add("key", key)
        object.add("optional", optional)
        return object.value
    }
}

extension EnvFromSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 3)
        object.add("prefix", prefix)
        object.add("configMapRef", configMapRef)
        object.add("secretRef", secretRef)
        return object.value
    }
}

extension ConfigMapEnvSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("name", name)
        object.add("optional", optional)
        return object.value
    }
}

extension SecretEnvSource: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("name", name)
        object.add("optional", optional)
        return object.value
    }
}
