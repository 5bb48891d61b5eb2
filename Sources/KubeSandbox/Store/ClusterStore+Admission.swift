import KubeModel
import KubeSchema

extension ClusterStore {
    /// Rejects a body of the wrong kind or version (a custom resource may come in any version its
    /// CRD serves), fills in apiVersion and kind when absent; `validation` decides whether the
    /// fields of a custom resource in a version the CRD does not have are warned about.
    func checkTypeMeta(_ body: JSONValue, _ type: ServedResource, validation: FieldValidation? = nil) throws(SandboxError) -> JSONValue {
        guard case .object = body else { throw .api(.badRequest("the body of the request must be a JSON object")) }
        var body = body
        if let apiVersion = body["apiVersion"]?.stringValue, apiVersion != type.apiVersion, !servesCustomResource(type, in: apiVersion) {
            var status = APIStatus.badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(type.apiVersion))")
            if type.schema != nil, validation == .warn { status.warnings = Self.undecodedFields(body) }
            throw .api(status)
        }
        if let kind = body["kind"]?.stringValue, kind != type.kind {
            throw .api(.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind))"))
        }
        body["apiVersion"] = .string(type.apiVersion)
        body["kind"] = .string(type.kind)
        if body["metadata"]?.objectValue == nil { body["metadata"] = .object([:]) }
        return body
    }

    /// Validates an object against its schema (a CRD's own, or the published OpenAPI one) and
    /// prunes unknown fields, then checks a custom resource's patterns, list keys and CEL rules
    /// (`old`: the stored object on update); unknown fields are an error, a warning or ignored per `validation`.
    func validate(_ object: JSONValue, _ type: ServedResource, name: String,
                  validation: FieldValidation, old: JSONValue? = nil) throws(SandboxError) -> (JSONValue, warnings: [String]) {
        var result = schemaChecked(object, type)
        if let schema = type.schema {
            result.violations += type.scale?.violations(of: result.value) ?? []
            result.violations += CustomResourceRules(schema: schema).violations(of: result.value, old: old, prior: result.violations)
        }
        if type.schema == nil, let mistyped = result.violations.first(where: { $0.kind == .type }) {
            throw .api(Validation.undecodable(type, mistyped, in: object))
        }
        if !result.violations.isEmpty { throw .api(.invalid(type, name, result.violations)) }
        let unknown = result.unknownFields.map { "unknown field \"\($0)\"" }
        switch validation {
        case .strict where !unknown.isEmpty:
            let decoding = type.schema == nil ? "\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): " : ""
            throw .api(.badRequest(decoding + "strict decoding error: " + unknown.joined(separator: ", ")))
        case .warn: return (result.value, unknown)
        default: return (result.value, [])
        }
    }

    /// The object checked against its schema (a CRD's own, or the published OpenAPI one), pruned
    /// of unknown fields, which are listed; a custom resource's CEL rules are not evaluated here.
    func schemaChecked(_ object: JSONValue, _ type: ServedResource) -> SchemaResult {
        if let schema = type.schema {
            var body = object
            let metadata = body["metadata"] ?? .object([:])
            for key in ["apiVersion", "kind", "metadata"] { body[key] = nil }
            var result = SchemaValidator(options: .structural).validate(body, against: schema)
            result.value["apiVersion"] = object["apiVersion"]
            result.value["kind"] = object["kind"]
            if let schemas, let meta = schemas.components["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] {
                let checked = SchemaValidator(components: schemas.components).validate(metadata, against: meta)
                result.violations += checked.violations.map { violation in
                    var violation = violation
                    violation.path = FieldPath([.key("metadata")] + violation.path.components)
                    return violation
                }
                result.unknownFields += checked.unknownFields.map { FieldPath([.key("metadata")] + $0.components) }
                result.value["metadata"] = checked.value
            } else {
                result.value["metadata"] = metadata
            }
            result.value = Self.reordered(result.value)
            return result
        }
        if let schemas, let checked = schemas.validate(object, as: type.gvk) { return checked }
        return SchemaResult(value: object, violations: [], unknownFields: [])
    }

    /// apiVersion, kind, metadata first, as the API server writes objects.
    static func reordered(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue else { return value }
        var result = JSONObject()
        for key in ["apiVersion", "kind", "metadata"] where object[key] != nil { result[key] = object[key] }
        for (key, member) in object where result[key] == nil { result[key] = member }
        return .object(result)
    }
}

extension ClusterStore {
    /// The object with the mutating webhooks' patch applied (unchanged when there is none).
    static func admissionMutated(_ object: JSONValue, _ options: WriteOptions) throws(SandboxError) -> JSONValue {
        guard let mutation = options.admissionMutation else { return object }
        return try JSONPatch.apply(mutation, to: object)
    }
}
