import KubeModel
import KubeSchema

/// Server-side apply, simplified. What is the same as the API server: `fieldManager` is required;
/// the object is created when absent; each manager's applied fields are recorded (managedFields,
/// FieldsV1); fields a manager applied before and no longer applies are removed unless another
/// manager owns them; lists marked `x-kubernetes-list-type: map` merge by their keys, other lists
/// are atomic; applying a field that another manager (Apply or Update) owns with a different
/// value is a 409 conflict naming the fields, unless `force=true`, which takes ownership.
/// Simplified: ownership is per leaf value (no `x-kubernetes-map-type: atomic` granularity, no
/// set-lists), objects are not converted between versions, and `metadata` fields other than
/// labels, annotations, finalizers and ownerReferences are never owned.
extension ClusterStore {
    static let unownedMetadata = ["name", "namespace", "generateName", "uid", "resourceVersion", "creationTimestamp",
                                  "generation", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"]

    func apply(_ type: ResourceType, namespace: String, name: String, config body: JSONValue, status: Bool,
               options: WriteOptions) throws(SandboxError) -> WriteResult {
        guard let manager = options.fieldManager, !manager.isEmpty else {
            throw .api(.badRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"))
        }
        guard body["apiVersion"]?.stringValue != nil, body["kind"]?.stringValue != nil else {
            throw .api(.badRequest("apiVersion and kind must be set in an apply configuration"))
        }
        var config = try checkTypeMeta(body, type)
        if let bodyName = config["metadata"]?["name"]?.stringValue, bodyName != name {
            throw .api(.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))"))
        }
        config["metadata"]?["name"] = .string(name)
        let (validator, schema) = navigation(for: type)
        let fieldSet = FieldSet(validator: validator)
        let fields = fieldSet.leaves(of: Self.ownable(config), schema: schema)
        let intent = AppliedIntent(manager: manager, operation: .apply, apiVersion: type.apiVersion,
                                   time: Self.timestamp(), fields: fields)
        guard let old = stored(type, namespace: namespace, name: name) else {
            if status { throw .api(.notFound(type, name)) }
            return try create(type, namespace: namespace, body: config, options: options, applied: [intent.key: intent])
        }
        var applied = old.applied
        var conflicts: [(manager: String, apiVersion: String, path: [PathStep])] = []
        for (key, other) in applied where key != intent.key {
            for path in fields.intersection(other.fields)
            where FieldSet.value(at: path, in: old.value) != FieldSet.value(at: path, in: config) {
                conflicts.append((other.manager, other.apiVersion, path))
            }
        }
        if !conflicts.isEmpty {
            guard options.force else { throw .api(Self.applyConflict(type, name, conflicts)) }
            for (key, other) in applied where key != intent.key {
                applied[key]?.fields = other.fields.subtracting(fields)
                if applied[key]?.fields.isEmpty == true { applied[key] = nil }
            }
        }
        var live = old.value
        if let previous = applied[intent.key] {
            let ownedByOthers = applied.filter { $0.key != intent.key }.values.reduce(into: Set<[PathStep]>()) { $0.formUnion($1.fields) }
            for path in previous.fields.subtracting(fields).subtracting(ownedByOthers) {
                live = FieldSet.removing(path, from: live)
            }
        }
        live = merged(config, into: live, schema: schema, fieldSet: fieldSet)
        applied[intent.key] = intent
        return try replace(old, with: live, type, status: status, options: options, applied: applied)
    }

    /// Ownership after a non-apply write: the changed fields move to `manager`'s Update entry.
    func ownershipAfterUpdate(_ old: StoredObject, _ new: JSONValue, _ type: ResourceType, manager: String) -> [String: AppliedIntent] {
        let (validator, schema) = navigation(for: type)
        let changed = FieldSet(validator: validator).changedLeaves(from: Self.ownable(old.value), to: Self.ownable(new), schema: schema)
        guard !changed.isEmpty else { return old.applied }
        var applied = old.applied
        for key in applied.keys {
            applied[key]?.fields.subtract(changed)
            if applied[key]?.fields.isEmpty == true { applied[key] = nil }
        }
        let key = AppliedIntent.key(manager, .update)
        var entry = applied[key] ?? AppliedIntent(manager: manager, operation: .update, apiVersion: type.apiVersion, time: "", fields: [])
        entry.fields.formUnion(changed.filter { FieldSet.value(at: $0, in: new) != nil })
        entry.time = Self.timestamp()
        applied[key] = entry.fields.isEmpty ? nil : entry
        return applied
    }

    /// The `managedFields` list, or nil when no manager is recorded.
    static func managedFields(_ applied: [String: AppliedIntent]) -> JSONValue? {
        guard !applied.isEmpty else { return nil }
        return .array(applied.keys.sorted().compactMap { applied[$0] }.map { intent in
            [
                "manager": .string(intent.manager), "operation": .string(intent.operation.rawValue),
                "apiVersion": .string(intent.apiVersion), "time": .string(intent.time),
                "fieldsType": "FieldsV1", "fieldsV1": FieldSet.fieldsV1(intent.fields),
            ]
        })
    }

    /// The object without type and identity fields, which no manager owns.
    static func ownable(_ value: JSONValue) -> JSONValue {
        var value = value
        value["apiVersion"] = nil
        value["kind"] = nil
        for field in unownedMetadata { value["metadata"]?[field] = nil }
        if value["metadata"]?.objectValue?.isEmpty == true { value["metadata"] = nil }
        return value
    }

    /// The schema to find list-map keys with: a CRD's own, or the kind's published schema.
    func navigation(for type: ResourceType) -> (SchemaValidator, JSONValue?) {
        if let schema = type.schema { return (SchemaValidator(options: .structural), schema) }
        guard let schemas, let name = schemas.schemaName(for: type.gvk) else { return (SchemaValidator(), nil) }
        return (SchemaValidator(components: schemas.components), schemas.components[name])
    }

    func merged(_ config: JSONValue, into live: JSONValue, schema: JSONValue?, fieldSet: FieldSet) -> JSONValue {
        switch (config, live) {
        case (.object(let patch), .object(var result)):
            for (key, value) in patch {
                result[key] = result[key].map { merged(value, into: $0, schema: fieldSet.child(schema, key), fieldSet: fieldSet) } ?? value
            }
            return .object(result)
        case (.array(let patch), .array(var result)):
            guard let keys = fieldSet.listMapKeys(schema) else { return config }
            for item in patch {
                let identity = FieldSet.identity(of: item, keys: keys)
                if let index = result.firstIndex(where: { FieldSet.identity(of: $0, keys: keys) == identity }) {
                    result[index] = merged(item, into: result[index], schema: fieldSet.itemSchema(schema), fieldSet: fieldSet)
                } else {
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return config
        }
    }

    static func applyConflict(_ type: ResourceType, _ name: String,
                              _ conflicts: [(manager: String, apiVersion: String, path: [PathStep])]) -> APIStatus {
        let sorted = conflicts.sorted { FieldSet.describe($0.path) < FieldSet.describe($1.path) }
        let lines = sorted.map { "conflict with \"\($0.manager)\" using \($0.apiVersion): \(FieldSet.describe($0.path))" }
        let message = "Apply failed with \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): " + lines.joined(separator: "\n")
        return APIStatus(code: 409, reason: "Conflict", message: message, name: name, group: type.group, kind: type.plural,
                         causes: sorted.map { .init(reason: "FieldManagerConflict", message: "conflict with \"\($0.manager)\" using \($0.apiVersion)", field: FieldSet.describe($0.path)) })
    }
}
