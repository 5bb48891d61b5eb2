import KubeModel
import KubeSchema

/// The patch formats the sandbox accepts, by request Content-Type.
enum PatchFormat: Sendable {
    /// `application/merge-patch+json` (RFC 7386).
    case merge
    /// `application/strategic-merge-patch+json`: lists merge as the kind's schema says (built-in kinds only).
    case strategic
    /// `application/json-patch+json` (RFC 6902: add, remove, replace, test, copy, move).
    case json
    /// `application/apply-patch+yaml`: server-side apply.
    case apply

    init?(contentType: String) {
        switch contentType.split(separator: ";").first.map({ String($0).trimmingWhitespace.lowercased() }) {
        case "application/merge-patch+json": self = .merge
        case "application/strategic-merge-patch+json": self = .strategic
        case "application/json-patch+json": self = .json
        case "application/apply-patch+yaml", "application/apply-patch+json", "application/apply-patch+cbor": self = .apply
        default: return nil
        }
    }
}

extension ClusterStore {
    func patch(_ type: ServedResource, namespace: String, name: String, format: PatchFormat, patch: JSONValue,
               status: Bool, options: WriteOptions) throws(SandboxError) -> WriteResult {
        if format == .strategic, type.schema != nil {
            throw .api(APIStatus(code: 415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"))
        }
        if format == .apply {
            return try apply(type, namespace: namespace, name: name, config: patch, status: status, options: options)
        }
        let old = try existing(type, namespace: namespace, name: name)
        let current = served(old.value, as: type)
        let patched: JSONValue
        switch format {
        case .json: patched = try JSONPatch.apply(patch, to: current)
        case .strategic:
            let (validator, schema) = navigation(for: type)
            patched = try StrategicMergePatch(fields: FieldSet(validator: validator)).apply(patch, to: current, schema: schema)
        default:
            guard case .object = patch else { throw .api(.badRequest("error decoding patch: a merge patch must be a JSON object")) }
            patched = MergePatch.apply(patch, to: current)
        }
        if let rv = patched["metadata"]?["resourceVersion"]?.stringValue, rv != old.metadata["resourceVersion"]?.stringValue {
            throw .api(.conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again"))
        }
        if let patchedName = patched["metadata"]?["name"]?.stringValue, patchedName != name {
            throw .api(.badRequest("the name of the object (\(patchedName)) does not match the name on the URL (\(name))"))
        }
        let object = try checkTypeMeta(patched, type)
        if options.fieldValidation == .strict {
            let unknown = schemaChecked(object, type).unknownFields
            if !unknown.isEmpty {
                let shown = format == .strategic ? patch.goFormatted : Self.sortedTopLevel(patched).jsonText()
                throw .api(Self.strictPatchError(unknown, shown: shown))
            }
        }
        return try replace(old, with: object, type, status: status, options: options,
                           ownership: status ? nil : Self.requestedOwnership(object, old: old))
    }

    /// A patch that leaves unknown fields under `fieldValidation=Strict` is invalid as a patch
    /// (422, field `patch`), before admission; the value shown is the patched object (JSON and
    /// merge patches) or the patch as Go prints a map (strategic merge patches).
    private static func strictPatchError(_ unknown: [FieldPath], shown: String) -> APIStatus {
        let problem = "strict decoding error: " + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
        let message = "Invalid value: \(JSONValue.string(shown).jsonText()): \(problem)"
        return APIStatus(code: 422, reason: "Invalid", message: " \"\" is invalid: patch: " + message,
                         causes: [.init(reason: SchemaViolation.Kind.invalid.rawValue, message: message, field: "patch")])
    }

    /// The object with its top-level members in key order, as the patch machinery re-encodes it.
    private static func sortedTopLevel(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue else { return value }
        var sorted = JSONObject()
        for key in object.keys.sorted() { sorted[key] = object[key] }
        return .object(sorted)
    }
}
