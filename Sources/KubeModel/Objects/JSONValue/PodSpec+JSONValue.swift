// PodSpec's types as JSON values, built directly: the members and order of their Encodable
// conformances (JSONValueConvertibleTests holds the two equal).

extension PodTemplateSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 2)
        object.add("metadata", metadata)
        object.add("spec", spec)
        return object.value
    }
}

extension PodSpec: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 17)
        object.add("volumes", volumes)
        object.add("initContainers", initContainers)
        object.add("containers", containers)
        object.add("restartPolicy", restartPolicy)
        object.add("terminationGracePeriodSeconds", terminationGracePeriodSeconds)
        object.add("dnsPolicy", dnsPolicy)
        object.add("nodeSelector", nodeSelector)
        object.add("serviceAccountName", serviceAccountName)
        object.add("automountServiceAccountToken", automountServiceAccountToken)
        object.add("hostNetwork", hostNetwork)
        object.add("hostPID", hostPID)
        object.add("hostIPC", hostIPC)
        object.add("securityContext", securityContext)
        object.add("imagePullSecrets", imagePullSecrets)
        object.add("priorityClassName", priorityClassName)
        object.add("enableServiceLinks", enableServiceLinks)
        object.add("topologySpreadConstraints", topologySpreadConstraints)
        return object.value
    }
}

extension LocalObjectReference: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 1)
        object.add("name", name)
        return object.value
    }
}

extension TopologySpreadConstraint: JSONValueConvertible {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 8)
        object.add("maxSkew", maxSkew)
        object.add("topologyKey", topologyKey)
        object.add("whenUnsatisfiable", whenUnsatisfiable)
        object.add("labelSelector", labelSelector)
        object.add("minDomains", minDomains)
        object.add("nodeAffinityPolicy", nodeAffinityPolicy)
        object.add("nodeTaintsPolicy", nodeTaintsPolicy)
        object.add("matchLabelKeys", matchLabelKeys)
        return object.value
    }
}
