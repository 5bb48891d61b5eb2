// SecurityContext's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension PodSecurityContext: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 7)
        object.add("runAsUser", runAsUser)
        object.add("runAsGroup", runAsGroup)
        object.add("runAsNonRoot", runAsNonRoot)
        object.add("supplementalGroups", supplementalGroups)
        object.add("fsGroup", fsGroup)
        object.add("fsGroupChangePolicy", fsGroupChangePolicy)
        object.add("seccompProfile", seccompProfile)
        return object.value
    }
}

extension SecurityContext: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 9)
        object.add("capabilities", capabilities)
        object.add("privileged", privileged)
        object.add("runAsUser", runAsUser)
        object.add("runAsGroup", runAsGroup)
        object.add("runAsNonRoot", runAsNonRoot)
        object.add("readOnlyRootFilesystem", readOnlyRootFilesystem)
        object.add("allowPrivilegeEscalation", allowPrivilegeEscalation)
        object.add("procMount", procMount)
        object.add("seccompProfile", seccompProfile)
        return object.value
    }
}

extension SeccompProfile: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("type", type)
        object.add("localhostProfile", localhostProfile)
        return object.value
    }
}

extension Capabilities: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("add", add)
        object.add("drop", drop)
        return object.value
    }
}
