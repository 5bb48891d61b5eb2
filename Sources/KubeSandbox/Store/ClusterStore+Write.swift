import Foundation
import KubeModel
import KubeSchema

extension ClusterStore {
    /// Metadata the server owns: a client's values are ignored on create and kept from the stored
    /// object on update.
    static let systemMetadata = ["uid", "resourceVersion", "creationTimestamp", "generation", "deletionTimestamp",
                                 "deletionGracePeriodSeconds", "managedFields", "selfLink"]

    func create(_ type: ServedResource, namespace: String, body: JSONValue, options: WriteOptions,
                applied: [String: AppliedIntent] = [:]) throws(SandboxError) -> WriteResult {
        var object = HorizontalPodAutoscalerConversion.storedForm(try checkTypeMeta(body, type, validation: options.fieldValidation), type)
        var name = object["metadata"]?["name"]?.stringValue ?? ""
        if name.isEmpty, let prefix = object["metadata"]?["generateName"]?.stringValue, !prefix.isEmpty {
            name = prefix + Self.randomSuffix()
            object["metadata"]?["name"] = .string(name)
        }
        guard !name.isEmpty else {
            throw .api(.invalid(type, "", [SchemaViolation(.required, at: FieldPath(parsing: "metadata.name"), "Required value: name or generateName is required")]))
        }
        if type.storageKey == Self.crdStorageKey { object = try Self.admittedCRD(object, name: name, old: nil, type) }
        if type.namespaced {
            if let given = object["metadata"]?["namespace"]?.stringValue, !given.isEmpty, given != namespace {
                throw .api(.badRequest("the namespace of the provided object does not match the namespace sent on the request"))
            }
            guard objects["namespaces"]?[namespace] != nil else {
                throw .api(.notFound(BuiltinResources.namespaces, namespace))
            }
            if objects["namespaces"]?[namespace]?.metadata["deletionTimestamp"] != nil {
                throw .api(APIStatus(code: 403, reason: "Forbidden", message: "\(type.qualifiedResource) \"\(name)\" is forbidden: unable to create new content in namespace \(namespace) because it is being terminated", name: name, group: type.group, kind: type.plural,
                                     causes: [.init(reason: "NamespaceTerminating", message: "namespace \(namespace) is being terminated", field: "metadata.namespace")]))
            }
            object["metadata"]?["namespace"] = .string(namespace)
        } else {
            object["metadata"]?["namespace"] = nil
        }
        let key = Self.key(namespace: type.namespaced ? namespace : "", name: name)
        let presetVersion = object["metadata"]?["resourceVersion"]?.stringValue ?? ""
        for field in Self.systemMetadata { object["metadata"]?[field] = nil }
        if type.hasStatus { object["status"] = nil }
        object = Defaulting.defaulted(try Self.admissionMutated(Defaulting.defaulted(object, type), options), type)
        // A CRD's metadata is checked with the rest of it, by admittedCRD.
        if type.storageKey != Self.crdStorageKey { try checkObject(object, old: nil, type, namespace: namespace, name: name) }
        if applied.isEmpty, !presetVersion.isEmpty, presetVersion != "0" {
            throw .api(APIStatus(code: 500, reason: "", message: "resourceVersion should not be set on objects to be created"))
        }
        if objects[type.storageKey]?[key] != nil { throw .api(.alreadyExists(type, name)) }
        var (validated, warnings) = try validate(object, type, name: name, validation: options.fieldValidation)
        validated = Self.withSystemMetadata(Self.withInitialStatus(validated, type))
        var stored = StoredObject(value: validated, applied: applied)
        if applied.isEmpty {
            let fields = updatedFields(type, from: nil, to: validated, status: false)
            if !fields.isEmpty {
                let intent = AppliedIntent(manager: options.updateManager, operation: .update, apiVersion: type.apiVersion, time: Self.timestamp(), fields: fields)
                stored.applied = [intent.key: intent]
            }
        }
        stored.value = try prepareCreate(stored.value, type)
        stored.value["metadata"]?["managedFields"] = Self.managedFields(stored.applied)
        if options.dryRun { return WriteResult(object: served(stored.value, as: type), warnings: warnings, created: true) }
        let committed = commit(stored, storageKey: type.storageKey, key: key, kind: .added, previous: nil)
        if type.storageKey == Self.crdStorageKey {
            catalog.install(committed)
            establish(committed, type)
        }
        return WriteResult(object: served(committed, as: type), warnings: warnings, created: true)
    }

    /// PUT of the object or its status.
    func update(_ type: ServedResource, namespace: String, name: String, body: JSONValue, status: Bool,
                options: WriteOptions) throws(SandboxError) -> WriteResult {
        let old = try existing(type, namespace: namespace, name: name)
        let object = try checkTypeMeta(body, type, validation: options.fieldValidation)
        if let bodyName = object["metadata"]?["name"]?.stringValue, bodyName != name {
            throw .api(.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))"))
        }
        try Self.requireResourceVersion(object, type, name: name)
        if let rv = object["metadata"]?["resourceVersion"]?.stringValue, !rv.isEmpty,
           rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        if let uid = object["metadata"]?["uid"]?.stringValue, !uid.isEmpty, uid != old.uid {
            throw .api(.conflict(type, name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(old.uid)"))
        }
        return try replace(old, with: object, type, status: status, options: options,
                           ownership: status ? nil : Self.requestedOwnership(object, old: old))
    }

    /// Writes a new version of an existing object with status-subresource, generation and
    /// finalizer semantics; an unchanged object is not written (no new resourceVersion).
    /// `ownership` is what a client's own managedFields asked for (`requestedOwnership`).
    func replace(_ old: StoredObject, with object: JSONValue, _ type: ServedResource, status: Bool,
                 options: WriteOptions, applied: [String: AppliedIntent]? = nil,
                 ownership: [String: AppliedIntent]? = nil) throws(SandboxError) -> WriteResult {
        let object = HorizontalPodAutoscalerConversion.storedForm(object, type)
        var candidate: JSONValue
        if status {
            candidate = type.statusWritten(object, over: old.value)
            candidate["status"] = Self.defaultedStatus(object["status"], type)
        } else {
            candidate = object
            for field in Self.systemMetadata { candidate["metadata"]?[field] = old.metadata[field] }
            candidate["metadata"]?["name"] = .string(old.name)
            candidate["metadata"]?["namespace"] = old.metadata["namespace"]
            if type.hasStatus { candidate["status"] = old.value["status"] }
            candidate = try prepareUpdate(Defaulting.defaulted(candidate, type), old: old.value, type)
        }
        if let admitted = options.admittedResourceVersion, admitted != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, old.name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        candidate = try Self.admissionMutated(candidate, options)
        if type.storageKey == Self.crdStorageKey, !status { candidate = try Self.admittedCRD(candidate, name: old.name, old: old.value, type) }
        candidate["apiVersion"] = .string(type.apiVersion)
        if !status, type.storageKey != Self.crdStorageKey { try checkObject(candidate, old: old.value, type, namespace: old.namespace, name: old.name) }
        var (validated, warnings) = try validate(candidate, type, name: old.name, validation: options.fieldValidation, old: old.value)
        if EventConversion.isEventsView(type) { validated = EventConversion.coreForm(validated) }
        if old.metadata["generation"] != nil, Self.specOf(validated) != Self.specOf(old.value) {
            validated["metadata"]?["generation"] = .integer((old.metadata["generation"]?.intValue ?? 1) + 1)
        }
        var stored = old
        stored.value = validated
        var owned = old
        if let requested = ownership { owned.applied = requested }
        stored.applied = applied ?? ownershipAfterUpdate(owned, validated, type, manager: options.updateManager, status: status,
                                                                subresource: status ? "status" : options.subresource)
        stored.value["metadata"]?["managedFields"] = Self.managedFields(stored.applied)
        let key = Self.key(namespace: type.namespaced ? old.namespace : "", name: old.name)
        let finished = stored.metadata["deletionTimestamp"] != nil
            && (stored.metadata["finalizers"]?.arrayValue ?? []).isEmpty && !Self.waitsForNamespaceController(stored, type)
        if options.dryRun { return WriteResult(object: served(stored.value, as: type), warnings: warnings) }
        if finished {
            // The update is not stored: the object is deleted instead, so watchers see its last
            // stored state (finalizers included) in the DELETED event; the writer gets its update.
            let removed = commit(old, storageKey: type.storageKey, key: key, kind: .deleted, previous: old.value)
            afterRemoval(removed, type, propagation: .background)
            stored.value["metadata"]?["resourceVersion"] = removed["metadata"]?["resourceVersion"]
            return WriteResult(object: served(stored.value, as: type), warnings: warnings)
        }
        if Self.sameContent(stored, old) { return WriteResult(object: served(old.value, as: type), warnings: warnings) }
        let committed = commit(stored, storageKey: type.storageKey, key: key, kind: .modified, previous: old.value)
        if type.storageKey == Self.crdStorageKey { catalog.install(committed) }
        return WriteResult(object: served(committed, as: type), warnings: warnings)
    }

    /// Equal but for managedFields timestamps: such a write is skipped, as the API server skips a no-op.
    static func sameContent(_ new: StoredObject, _ old: StoredObject) -> Bool {
        var lhs = new.value, rhs = old.value
        lhs["metadata"]?["managedFields"] = nil
        rhs["metadata"]?["managedFields"] = nil
        return lhs == rhs && new.applied.mapValues(\.fields) == old.applied.mapValues(\.fields)
    }

    /// Everything but metadata and status: what metadata.generation tracks.
    static func specOf(_ value: JSONValue) -> JSONValue {
        var value = value
        for key in ["metadata", "status", "apiVersion", "kind"] { value[key] = nil }
        return value
    }

    /// The status a new object starts with: namespaces are Active, CRDs not yet established.
    static func withInitialStatus(_ value: JSONValue, _ type: ServedResource) -> JSONValue {
        var value = value
        switch type.storageKey {
        case "namespaces":
            value["status"] = ["phase": "Active"]
        case crdStorageKey:
            value["status"] = unestablishedStatus(value)
        default: break
        }
        return value
    }

    static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement() ?? "x" })
    }
}
