// Container's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension Container: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 16)
        object.add("name", name)
        object.add("image", image)
        object.add("command", command)
        object.add("args", args)
        object.add("workingDir", workingDir)
        object.add("ports", ports)
        object.add("envFrom", envFrom)
        object.add("env", env)
        object.add("resources", resources)
        object.add("volumeMounts", volumeMounts)
        object.add("livenessProbe", livenessProbe)
        object.add("readinessProbe", readinessProbe)
        object.add("startupProbe", startupProbe)
        object.add("lifecycle", lifecycle)
        object.add("imagePullPolicy", imagePullPolicy)
        object.add("securityContext", securityContext)
        return object.value
    }
}

extension ContainerPort: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("name", name)
        object.add("hostPort", hostPort)
        object.add("containerPort", containerPort)
        object.add("protocol", `protocol`)
        return object.value
    }
}

extension ResourceRequirements: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("limits", limits)
        object.add("requests", requests)
        return object.value
    }
}

extension VolumeMount: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("name", name)
        object.add("readOnly", readOnly)
        object.add("mountPath", mountPath)
        object.add("subPath", subPath)
        return object.value
    }
}
