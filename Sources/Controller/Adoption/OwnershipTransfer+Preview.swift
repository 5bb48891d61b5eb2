import KubeModel

extension OwnershipTransfer {
    /// The object as adopting `live` leaves it (ownership transfer, then the apply of `desired`),
    /// before the server's defaulting: what Shipshape manages is `desired`'s, but for the fields
    /// it preserves; labels, annotations and ownerReferences are those of both. `shipshape diff`
    /// sends it as a dry-run update to show adoption's effect before it happens.
    public static func adopted(_ live: JSONValue, kind: ChildKind, desired: JSONValue) -> JSONValue {
        var result = live
        for root in managedRoots(kind) { result[root] = desired[root] }
        if result["spec"] == nil, live["spec"] != nil { result["spec"] = .object([:]) }
        for path in preservedPaths(kind) {
            let field = FieldPath(path.map { FieldPath.Component.key($0) })
            guard desired[field] == nil, let kept = live[field], path.count == 2 else { continue }
            result[path[0]]?[path[1]] = kept
        }
        for map in ["labels", "annotations"] {
            var merged = live["metadata"]?[map]?.objectValue ?? [:]
            for (key, value) in desired["metadata"]?[map]?.objectValue ?? [:] { merged[key] = value }
            result["metadata"]?[map] = merged.isEmpty ? nil : .object(merged)
        }
        var references = live["metadata"]?["ownerReferences"]?.arrayValue ?? []
        for reference in desired["metadata"]?["ownerReferences"]?.arrayValue ?? [] where !references.contains(where: { $0["uid"] == reference["uid"] }) {
            references.append(reference)
        }
        result["metadata"]?["ownerReferences"] = references.isEmpty ? nil : .array(references)
        result["metadata"]?["managedFields"] = nil
        return result
    }
}
