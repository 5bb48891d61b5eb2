import KubeModel
import OperatorRuntime
import ShipshapeAPI

/// Which Microservices to reconcile when something in the cache changes. Pure.
public enum EnqueueMapping {
    /// The key of the Microservice that owns a child: its controller ownerReference of kind
    /// Microservice, else its `app.kubernetes.io/instance` label when Shipshape manages it.
    public static func owner(ofChild child: JSONValue) -> ObjectKey? {
        let metadata = child["metadata"]
        let namespace = metadata?["namespace"]?.stringValue ?? ""
        for reference in metadata?["ownerReferences"]?.arrayValue ?? [] where reference["controller"]?.boolValue == true {
            guard reference["kind"]?.stringValue == Microservice.kind,
                  reference["apiVersion"]?.stringValue?.hasPrefix(Microservice.group + "/") == true,
                  let name = reference["name"]?.stringValue else { return nil }
            return ObjectKey(namespace: namespace, name: name)
        }
        let labels = metadata?["labels"]
        guard labels?["app.kubernetes.io/managed-by"]?.stringValue == "shipshape",
              let instance = labels?["app.kubernetes.io/instance"]?.stringValue else { return nil }
        return ObjectKey(namespace: namespace, name: instance)
    }

    /// The keys of the Microservices `microservice` depends on by name.
    public static func dependencies(of microservice: Microservice) -> [ObjectKey] {
        (microservice.spec.dependsOn ?? []).compactMap { dependency in
            dependency.service.map { ObjectKey(namespace: dependency.namespace ?? microservice.namespace, name: $0) }
        }
    }

    /// What to reconcile when a Microservice changed from `old` to `new` (either nil when
    /// created or deleted): itself, what it depends on before and after (their NetworkPolicies
    /// admit it), and, when its spec changed, what depends on it (their egress names its ports).
    public static func keys(old: Microservice?, new: Microservice?, dependents: (ObjectKey) -> [ObjectKey]) -> [ObjectKey] {
        guard let key = new?.objectKey ?? old?.objectKey else { return [] }
        var keys = [key]
        keys += old.map(dependencies) ?? []
        keys += new.map(dependencies) ?? []
        if old?.spec != new?.spec { keys += dependents(key) }
        var seen = Set<ObjectKey>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// An object of another kind a Microservice reads: a Secret or a ConfigMap.
    public struct Reference: Hashable, Sendable, CustomStringConvertible {
        public var kind: String
        public var key: ObjectKey

        public init(kind: String, _ key: ObjectKey) {
            self.kind = kind
            self.key = key
        }

        /// `Secret/shop/order-db`.
        public var description: String { "\(kind)/\(key)" }
    }

    /// The Secrets and ConfigMaps `microservice` reads.
    public static func references(_ microservice: Microservice) -> [Reference] {
        let namespace = microservice.namespace
        let secrets = (microservice.spec.secrets ?? []).compactMap(\.secretName).map {
            Reference(kind: "Secret", ObjectKey(namespace: namespace, name: $0))
        }
        let configMaps = (microservice.spec.configFrom ?? []).map {
            Reference(kind: "ConfigMap", ObjectKey(namespace: namespace, name: $0.configMap))
        }
        return secrets + configMaps
    }

    /// The keys whose values differ between two listings (added, removed or changed).
    public static func changedKeys<Key: Hashable, Value: Equatable>(old: [Key: Value], new: [Key: Value]) -> [Key] {
        var keys = new.compactMap { key, value in old[key] == value ? nil : key }
        keys += old.keys.filter { new[$0] == nil }
        return keys
    }
}
