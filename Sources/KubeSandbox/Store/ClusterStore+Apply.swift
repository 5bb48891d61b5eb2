import KubeModel
import KubeSchema

/// Server-side apply. What is the same as the API server: `fieldManager` is required; the object
/// is created when absent; each manager's fields are recorded per operation and subresource
/// (managedFields, FieldsV1 with `"."` for owned maps and elements); fields a manager applied
/// before and no longer applies are removed unless another manager owns them; associative lists
/// (`x-kubernetes-list-type: map`, or a patch merge key) merge by their keys, defaulted key fields
/// included; atomic maps and other lists are owned whole; applying a leaf that another manager
/// owns with a different value is a 409 conflict naming the fields, unless `force=true`, which
/// takes ownership. Simplified: no set-lists, no conversion between versions, and `metadata`
/// fields other than labels, annotations, finalizers and ownerReferences are never owned.
extension ClusterStore {
    static let unownedMetadata = ["name", "namespace", "uid", "resourceVersion", "creationTimestamp",
                                  "generation", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"]

    func apply(_ type: ServedResource, namespace: String, name: String, config body: JSONValue, status: Bool,
               options: WriteOptions) throws(SandboxError) -> WriteResult {
        guard let manager = options.fieldManager, !manager.isEmpty else {
            throw .api(APIStatus(code: 422, reason: "Invalid",
                                 message: "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                                 group: "meta.k8s.io", kind: "PatchOptions",
                                 causes: [.init(reason: "FieldValueRequired", message: "Required value: is required for apply patch", field: "fieldManager")]))
        }
        let apiVersion = body["apiVersion"]?.stringValue ?? "", kind = body["kind"]?.stringValue ?? ""
        let accepted = apiVersion == type.apiVersion || (type.schema != nil && apiVersion.hasPrefix(type.group + "/"))
        guard accepted, kind == type.kind else {
            let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
            let groupVersion = parts.count == 2 ? "\(parts[0])/\(parts[1])" : "/\(parts.first ?? "")"
            throw .api(.badRequest("invalid object type: \(groupVersion), Kind=\(kind)"))
        }
        var config = try checkTypeMeta(body, type)
        if let bodyName = config["metadata"]?["name"]?.stringValue, bodyName != name {
            throw .api(.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))"))
        }
        config["metadata"]?["name"] = .string(name)
        let (validator, schema) = navigation(for: type)
        let fieldSet = FieldSet(validator: validator)
        try rejectUndeclaredFields(config, type, name: name)
        let fields = fieldSet.leaves(of: Self.ownable(config, type, status: status), schema: schema)
        let intent = AppliedIntent(manager: manager, operation: .apply, apiVersion: type.apiVersion,
                                   time: Self.timestamp(), fields: fields, subresource: status ? "status" : nil)
        guard let old = stored(type, namespace: namespace, name: name) else {
            if status { throw .api(.notFound(type, name)) }
            return try create(type, namespace: namespace, body: config, options: options, applied: [intent.key: intent])
        }
        if let rv = config["metadata"]?["resourceVersion"]?.stringValue, !rv.isEmpty, rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        config["metadata"]?["resourceVersion"] = nil
        let defaulted = fieldSet.withDefaultedKeys(config, schema: schema)
        var applied = old.applied
        var conflicts: [(manager: AppliedIntent, path: [PathStep])] = []
        for (key, other) in applied where key != intent.key {
            for path in fields.intersection(other.fields) where Self.isLeaf(path, in: defaulted)
            && FieldSet.value(at: path, in: old.value) != FieldSet.value(at: path, in: defaulted) {
                conflicts.append((other, path))
            }
        }
        if !conflicts.isEmpty {
            guard options.force else { throw .api(Self.applyConflict(conflicts)) }
            let taken = Set(conflicts.map(\.path))
            for key in applied.keys where key != intent.key {
                applied[key]?.fields.subtract(taken)
                if applied[key]?.fields.isEmpty == true { applied[key] = nil }
            }
        }
        var live = old.value
        if let previous = applied[intent.key] {
            let ownedByOthers = applied.filter { $0.key != intent.key }.values.reduce(into: Set<[PathStep]>()) { $0.formUnion($1.fields) }
            live = FieldSet.removing(previous.fields.subtracting(fields).subtracting(ownedByOthers), from: live)
        }
        live = merged(defaulted, into: live, schema: schema, fieldSet: fieldSet)
        applied[intent.key] = intent.fields.isEmpty ? nil : intent
        return try replace(old, with: live, type, status: status, options: options, applied: applied)
    }

    /// A path whose value is compared for conflicts: not a list element or a map that is owned
    /// for its members (an applier shares those with the managers of their other members).
    private static func isLeaf(_ path: [PathStep], in config: JSONValue) -> Bool {
        switch path.last {
        case .element?, .value?: return false
        default: break
        }
        if case .object(let object)? = FieldSet.value(at: path, in: config), object.isEmpty { return false }
        return true
    }

    /// Apply refuses fields its schema does not declare (the API server fails to build the typed object: 500).
    private func rejectUndeclaredFields(_ config: JSONValue, _ type: ServedResource, name: String) throws(SandboxError) {
        guard type.schema == nil, let schemas, let result = schemas.validate(config, as: type.gvk),
              let unknown = result.unknownFields.first else { return }
        let object = "\(config["metadata"]?["namespace"]?.stringValue ?? "")/\(name)"
        throw .api(APIStatus(code: 500, reason: "", message: "failed to create typed patch object (\(object); \(type.group)/\(type.gvk.version), Kind=\(type.kind)): .\(unknown): field not declared in schema"))
    }

    /// Ownership after a non-apply write: the changed fields move to `manager`'s Update entry.
    func ownershipAfterUpdate(_ old: StoredObject, _ new: JSONValue, _ type: ServedResource, manager: String,
                              status: Bool, subresource: String?) -> [String: AppliedIntent] {
        let changed = updatedFields(type, from: old.value, to: new, status: status)
        guard !changed.isEmpty else { return old.applied }
        var applied = old.applied
        for (key, intent) in old.applied {
            // Changed fields move to the updater; fields that no longer exist are owned by no one.
            let kept = intent.fields.subtracting(changed).filter { FieldSet.value(at: $0, in: new) != nil }
            applied[key]?.fields = kept
            if kept.isEmpty { applied[key] = nil }
        }
        let intent = AppliedIntent(manager: manager, operation: .update, apiVersion: type.apiVersion, time: "", fields: [],
                                   subresource: subresource)
        var entry = applied[intent.key] ?? intent
        entry.fields.formUnion(changed.filter { FieldSet.value(at: $0, in: new) != nil })
        entry.time = Self.timestamp()
        applied[intent.key] = entry.fields.isEmpty ? nil : entry
        return applied
    }

    /// The fields an update (or, from nil, a create) sets, as recorded for its manager.
    func updatedFields(_ type: ServedResource, from old: JSONValue?, to new: JSONValue, status: Bool) -> Set<[PathStep]> {
        let (validator, schema) = navigation(for: type)
        // An object with nothing ownable (a bare ServiceAccount) changes only the root, which no manager owns.
        return FieldSet(validator: validator, typed: type.schema == nil)
            .changedLeaves(from: old.map { Self.ownable($0, type, status: status) }, to: Self.ownable(new, type, status: status), schema: schema)
            .filter { !$0.isEmpty }
    }

    /// The `managedFields` list, or nil when no manager is recorded.
    static func managedFields(_ applied: [String: AppliedIntent]) -> JSONValue? {
        guard !applied.isEmpty else { return nil }
        return .array(applied.keys.sorted().compactMap { applied[$0] }.map { intent in
            var entry: JSONObject = [
                "manager": .string(intent.manager), "operation": .string(intent.operation.rawValue),
                "apiVersion": .string(intent.apiVersion), "time": .string(intent.time),
                "fieldsType": "FieldsV1", "fieldsV1": FieldSet.fieldsV1(intent.fields),
            ]
            if let subresource = intent.subresource { entry["subresource"] = .string(subresource) }
            return .object(entry)
        })
    }

    /// The object without type and identity fields, which no manager owns; for a kind with a
    /// status subresource, what a status write may change (through it) or everything but the status.
    static func ownable(_ value: JSONValue, _ type: ServedResource? = nil, status: Bool = false) -> JSONValue {
        var value = value
        if type?.hasStatus == true {
            if status, let type { return type.statusOwnable(value) }
            value["status"] = nil
        }
        value["apiVersion"] = nil
        value["kind"] = nil
        for field in unownedMetadata { value["metadata"]?[field] = nil }
        if value["metadata"]?.objectValue?.isEmpty == true { value["metadata"] = nil }
        return value
    }

    /// The schema to find list-map keys with: a CRD's own, or the kind's published schema.
    func navigation(for type: ServedResource) -> (SchemaValidator, JSONValue?) {
        if let schema = type.schema { return (SchemaValidator(options: .structural), schema) }
        guard let schemas, let name = schemas.schemaName(for: type.gvk) else { return (SchemaValidator(), nil) }
        return (SchemaValidator(components: schemas.components), schemas.components[name])
    }

    func merged(_ config: JSONValue, into live: JSONValue, schema: JSONValue?, fieldSet: FieldSet) -> JSONValue {
        switch (config, live) {
        case (.object(let patch), .object(var result)) where !fieldSet.isAtomicMap(schema):
            for (key, value) in patch {
                result[key] = result[key].map { merged(value, into: $0, schema: fieldSet.child(schema, key), fieldSet: fieldSet) } ?? value
            }
            return .object(result)
        case (.array(let patch), .array(let result)) where fieldSet.isSet(schema):
            return .array(result + patch.filter { !result.contains($0) })
        case (.array(let patch), .array(var result)):
            guard let keys = fieldSet.listMapKeys(schema) else { return config }
            let itemSchema = fieldSet.itemSchema(schema)
            for item in patch {
                let identity = fieldSet.identity(of: item, keys: keys, itemSchema: itemSchema)
                if let index = result.firstIndex(where: { fieldSet.identity(of: $0, keys: keys, itemSchema: itemSchema) == identity }) {
                    result[index] = merged(item, into: result[index], schema: itemSchema, fieldSet: fieldSet)
                } else {
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return config
        }
    }

    /// 409 naming each conflicting field; an Update manager is named with its API version.
    static func applyConflict(_ conflicts: [(manager: AppliedIntent, path: [PathStep])]) -> APIStatus {
        let sorted = conflicts.sorted { FieldSet.describe($0.path) < FieldSet.describe($1.path) }
        let owner = { (intent: AppliedIntent) in
            "conflict with \"\(intent.manager)\"" + (intent.operation == .update ? " using \(intent.apiVersion)" : "")
        }
        let lines = sorted.map { "\(owner($0.manager)): \(FieldSet.describe($0.path))" }
        let message = "Apply failed with \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): " + lines.joined(separator: "\n")
        return APIStatus(code: 409, reason: "Conflict", message: message,
                         causes: sorted.map { .init(reason: "FieldManagerConflict", message: owner($0.manager), field: FieldSet.describe($0.path)) })
    }
}
