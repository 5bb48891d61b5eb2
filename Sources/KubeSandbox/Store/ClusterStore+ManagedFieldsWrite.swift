import KubeModel

/// Writes that set `metadata.managedFields` themselves, as the API server allows: when an update
/// or patch carries a managedFields list that differs from the stored one, that list replaces
/// the recorded ownership before the write's own changes are attributed to its manager. This is
/// how a client transfers ownership between managers (an adopting controller takes over the
/// fields another tool set, so its later applies can remove them). A list with one empty entry
/// (`[{}]`) clears every record. Entries that cannot be read are ignored, as is the list on
/// status writes.
extension ClusterStore {
    /// The ownership `body` asks for, or nil when it leaves managedFields as stored.
    static func requestedOwnership(_ body: JSONValue, old: StoredObject) -> [String: AppliedIntent]? {
        guard let requested = body["metadata"]?["managedFields"], let entries = requested.arrayValue,
              requested != old.metadata["managedFields"] else { return nil }
        var applied: [String: AppliedIntent] = [:]
        for entry in entries {
            guard let manager = entry["manager"]?.stringValue, !manager.isEmpty,
                  let operation = entry["operation"]?.stringValue.flatMap(AppliedIntent.Operation.init(rawValue:)),
                  let fields = entry["fieldsV1"] else { continue }
            let intent = AppliedIntent(manager: manager, operation: operation, apiVersion: entry["apiVersion"]?.stringValue ?? "",
                                       time: entry["time"]?.stringValue ?? timestamp(), fields: FieldSet.paths(inFieldsV1: fields),
                                       subresource: entry["subresource"]?.stringValue)
            guard !intent.fields.isEmpty else { continue }
            applied[intent.key, default: intent].fields.formUnion(intent.fields)
        }
        return applied
    }
}

extension FieldSet {
    /// The owned paths of a `fieldsV1` tree: every member that is a leaf (`{}`) or marked `"."`.
    static func paths(inFieldsV1 tree: JSONValue, prefix: [PathStep] = []) -> Set<[PathStep]> {
        guard let object = tree.objectValue else { return [] }
        var result = Set<[PathStep]>()
        if !prefix.isEmpty, object.isEmpty || object["."] != nil { result.insert(prefix) }
        for (name, child) in object where name != "." {
            guard let step = step(named: name) else { continue }
            result.formUnion(paths(inFieldsV1: child, prefix: prefix + [step]))
        }
        return result
    }

    /// The step a `fieldsV1` member names: `f:field`, `k:{keys}` or `v:value`.
    private static func step(named name: String) -> PathStep? {
        let body = String(name.dropFirst(2))
        switch name.prefix(2) {
        case "f:": return .field(body)
        case "k:": return (try? JSONValue(parsingJSON: body))?.objectValue.map(PathStep.element)
        case "v:": return (try? JSONValue(parsingJSON: body)).map(PathStep.value)
        default: return nil
        }
    }
}
