import KubeModel
import OperatorRuntime
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

    /// The Secrets and ConfigMaps `microservice` reads, as `referenceKey`s.
    public static func references(_ microservice: Microservice) -> [String] {
        let namespace = microservice.namespace
        let secrets = (microservice.spec.secrets ?? []).compactMap(\.secretName).map {
            referenceKey(kind: "Secret", ObjectKey.make(namespace, $0))
        }
        let configMaps = (microservice.spec.configFrom ?? []).map { referenceKey(kind: "ConfigMap", ObjectKey.make(namespace, $0.configMap)) }
        return secrets + configMaps
    }

    /// `Secret/shop/order-db`: a referenced object of `kind` with key `key`.
    public static func referenceKey(kind: String, _ key: String) -> String { "\(kind)/\(key)" }

    /// The keys whose values differ between two listings (added, removed or changed).
    public static func changedKeys<Value: Equatable>(old: [String: Value], new: [String: Value]) -> [String] {
        var keys = new.compactMap { key, value in old[key] == value ? nil : key }
        keys += old.keys.filter { new[$0] == nil }
        return keys
    }
}
