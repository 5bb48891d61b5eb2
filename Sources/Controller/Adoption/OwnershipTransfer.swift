import KubeModel

/// How an adopting Microservice takes field ownership of an existing object, the way Flux and
/// Argo CD migrate objects to server-side apply: the fields other managers set in what Shipshape
/// manages (a kind's `spec`; a ServiceAccount's token and pull-secret settings) move, in
/// `metadata.managedFields`, to Shipshape's Apply entry. The object itself does not change. The
/// server-side apply that follows then owns them, so whatever the Microservice does not declare
/// (a container of another name, an old port, a stray variable) is removed by that one apply
/// rather than left behind, and later applies keep removing what the spec drops.
///
/// Left with their owners: metadata (labels and annotations other tools set), writes through
/// subresources (status, scale), and fields Shipshape does not set but must keep: the replicas an
/// autoscaler or person set when the Microservice leaves them to an HPA, and a Service's cluster IPs
/// and IP families. Pure.
public enum OwnershipTransfer {
    /// The JSON merge patch that transfers ownership of `live` to `manager`'s Apply entry, with
    /// `live`'s resourceVersion as precondition; nil when there is nothing to transfer.
    public static func patch(for live: JSONValue, kind: ChildKind, desired: JSONValue, manager: String, time: String) -> JSONValue? {
        guard let entries = live["metadata"]?["managedFields"]?.arrayValue,
              let version = live["metadata"]?["resourceVersion"]?.stringValue else { return nil }
        let preserved = preservedPaths(kind).filter { path in
            desired[FieldPath(path.map { FieldPath.Component.key($0) })] == nil
        }
        var taken = JSONValue.object([:])
        var kept: [JSONValue] = []
        var ours: JSONValue?
        for entry in entries {
            let isOurs = entry["manager"]?.stringValue == manager && entry["operation"]?.stringValue == "Apply"
                && entry["subresource"] == nil
            if isOurs { ours = entry; continue }
            guard entry["subresource"] == nil, var tree = entry["fieldsV1"] else { kept.append(entry); continue }
            for top in managedRoots(kind) {
                guard var moved = tree["f:" + top] else { continue }
                var left = JSONObject()
                for path in preserved where path.first == top {
                    let name = "f:" + path[1]
                    guard let value = moved[name] else { continue }
                    left[name] = value
                    moved[name] = nil
                }
                tree["f:" + top] = left.isEmpty ? nil : .object(left)
                if moved.objectValue?.isEmpty == false { taken = merged(taken, moved, at: "f:" + top) }
            }
            var entry = entry
            entry["fieldsV1"] = tree
            if tree.objectValue?.isEmpty == false { kept.append(entry) }
        }
        guard taken.objectValue?.isEmpty == false else { return nil }
        let apiVersion = live["apiVersion"]?.stringValue ?? kind.resource.apiVersion
        var entry: JSONValue = ours ?? [
            "manager": .string(manager), "operation": "Apply", "apiVersion": .string(apiVersion), "fieldsType": "FieldsV1",
            "fieldsV1": .object([:]),
        ]
        entry["fieldsV1"] = union(entry["fieldsV1"] ?? .object([:]), taken)
        entry["time"] = .string(time)
        return ["metadata": ["resourceVersion": .string(version), "managedFields": .array(kept + [entry])]]
    }

    /// The top-level members Shipshape manages in an object of `kind`.
    static func managedRoots(_ kind: ChildKind) -> [String] {
        kind == .serviceAccount ? ["automountServiceAccountToken", "imagePullSecrets"] : ["spec"]
    }

    /// Fields left with their owners unless the Microservice sets them.
    static func preservedPaths(_ kind: ChildKind) -> [[String]] {
        switch kind {
        case .deployment: return [["spec", "replicas"]]
        case .service: return [["spec", "clusterIP"], ["spec", "clusterIPs"], ["spec", "ipFamilies"], ["spec", "ipFamilyPolicy"]]
        default: return []
        }
    }

    private static func merged(_ tree: JSONValue, _ subtree: JSONValue, at name: String) -> JSONValue {
        union(tree, [name: subtree])
    }

    /// Two fieldsV1 trees as one: members of both, merged recursively (a leaf, `{}`, that meets
    /// members stays owned itself as `"."`).
    static func union(_ lhs: JSONValue, _ rhs: JSONValue, root: Bool = true) -> JSONValue {
        guard var result = lhs.objectValue, let other = rhs.objectValue else { return rhs }
        if !root, result.isEmpty != other.isEmpty { result["."] = .object([:]) }
        for (name, value) in other {
            result[name] = result[name].map { union($0, value, root: false) } ?? value
        }
        return .object(result)
    }
}
