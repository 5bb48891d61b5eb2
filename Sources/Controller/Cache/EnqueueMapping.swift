import KubeModel
import ShipshapeAPI

/// Which Microservices to reconcile when something in the cache changes. Pure.
public enum EnqueueMapping {
    /// The key of the Microservice that owns a child: its controller ownerReference of kind
    /// Microservice, else its `app.kubernetes.io/instance` label when Shipshape manages it.
    public static func owner(ofChild child: JSONValue) -> String? {
        let metadata = child["metadata"]
        let namespace = metadata?["namespace"]?.stringValue ?? ""
        for reference in metadata?["ownerReferences"]?.arrayValue ?? [] where reference["controller"]?.boolValue == true {
            guard reference["kind"]?.stringValue == Microservice.kind,
                  reference["apiVersion"]?.stringValue?.hasPrefix(Microservice.group + "/") == true,
                  let name = reference["name"]?.stringValue else { return nil }
            return ObjectKey.make(namespace, name)
        }
        let labels = metadata?["labels"]
        guard labels?["app.kubernetes.io/managed-by"]?.stringValue == "shipshape",
              let instance = labels?["app.kubernetes.io/instance"]?.stringValue else { return nil }
        return ObjectKey.make(namespace, instance)
    }

    /// The keys of the Microservices `microservice` depends on by name.
    public static func dependencies(of microservice: Microservice) -> [String] {
        (microservice.spec.dependsOn ?? []).compactMap { dependency in
            dependency.service.map { ObjectKey.make(dependency.namespace ?? microservice.namespace, $0) }
        }
    }

    /// Whether `microservice` depends on the Microservice with key `key`.
    public static func dependsOn(_ microservice: Microservice, _ key: String) -> Bool {
        (microservice.spec.dependsOn ?? []).contains { dependency in
            dependency.service.map { ObjectKey.make(dependency.namespace ?? microservice.namespace, $0) } == key
        }
    }

    /// What to reconcile when a Microservice changed from `old` to `new` (either nil when
    /// created or deleted): itself, what it depends on before and after (their NetworkPolicies
    /// admit it), and, when its spec changed, what depends on it (their egress names its ports).
    public static func keys(old: Microservice?, new: Microservice?, dependents: (String) -> [String]) -> [String] {
        guard let key = new?.key ?? old?.key else { return [] }
        var keys = [key]
        keys += old.map(dependencies) ?? []
        keys += new.map(dependencies) ?? []
        if old?.spec != new?.spec { keys += dependents(key) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// Whether `microservice` reads the Secret (`kind` "Secret") or ConfigMap named `name`.
    public static func references(_ microservice: Microservice, kind: String, name: String) -> Bool {
        switch kind {
        case "Secret": return (microservice.spec.secrets ?? []).contains { $0.secretName == name }
        case "ConfigMap": return (microservice.spec.configFrom ?? []).contains { $0.configMap == name }
        default: return false
        }
    }

    /// The keys whose values differ between two listings (added, removed or changed).
    public static func changedKeys<Value: Equatable>(old: [String: Value], new: [String: Value]) -> [String] {
        var keys = new.compactMap { key, value in old[key] == value ? nil : key }
        keys += old.keys.filter { new[$0] == nil }
        return keys
    }
}
