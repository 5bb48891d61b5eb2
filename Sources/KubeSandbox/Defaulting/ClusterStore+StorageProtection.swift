import KubeModel

/// The StorageObjectInUseProtection admission plugin: every new PersistentVolumeClaim carries
/// the protection finalizer, so it outlives the pods still using it (no manager owns it:
/// admission runs after field tracking).
extension ClusterStore {
    static func withProtectionFinalizer(_ object: JSONValue, _ finalizer: String) -> JSONValue {
        var finalizers = object["metadata"]?["finalizers"]?.arrayValue ?? []
        guard !finalizers.contains(.string(finalizer)) else { return object }
        finalizers.append(.string(finalizer))
        var object = object
        object["metadata"]?["finalizers"] = .array(finalizers)
        return object
    }
}
