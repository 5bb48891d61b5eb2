import KubeModel

/// The write options of a request (`CreateOptions`, `UpdateOptions`, `PatchOptions`), checked
/// before the body is looked at.
extension Validation {
    static let fieldValidationDirectives = ["", "Ignore", "Strict", "Warn"]
    static let maxFieldManagerBytes = 128

    /// The 422 for bad `dryRun`, `fieldManager`, `fieldValidation` or `force` parameters, or nil;
    /// `apply` says the request is a server-side apply patch.
    static func writeOptions(_ query: QueryParameters, verb: String, apply: Bool = false) -> APIStatus? {
        let kind: String
        switch verb {
        case "create": kind = "CreateOptions"
        case "update": kind = "UpdateOptions"
        case "patch": kind = "PatchOptions"
        default: return nil
        }
        var errors = FieldErrors()
        if let dryRun = query["dryRun"], dryRun != "All" {
            errors.notSupported(FieldPath().key("dryRun"), [.string(dryRun)], ["All"])
        }
        if let manager = query["fieldManager"] {
            if manager.utf8.count > maxFieldManagerBytes {
                errors.tooLong(FieldPath().key("fieldManager"), "may not be more than \(maxFieldManagerBytes) bytes")
            } else if !manager.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                errors.invalid(FieldPath().key("fieldManager"), .string(manager), "must only contain printable characters")
            }
        }
        if apply && (query["fieldManager"] ?? "").isEmpty {
            errors.required(FieldPath().key("fieldManager"), "is required for apply patch")
        }
        if verb == "patch" && !apply && query["force"] != nil {
            errors.forbidden(FieldPath().key("force"), "may not be specified for non-apply patch")
        }
        if let directive = query["fieldValidation"], !fieldValidationDirectives.contains(directive) {
            errors.notSupported(FieldPath().key("fieldValidation"), .string(directive), fieldValidationDirectives)
        }
        guard !errors.isEmpty else { return nil }
        let listed = errors.list.map(\.description)
        let summary = listed.count == 1 ? listed[0] : "[" + listed.joined(separator: ", ") + "]"
        return APIStatus(code: 422, reason: "Invalid", message: "\(kind).meta.k8s.io \"\" is invalid: \(summary)",
                         group: "meta.k8s.io", kind: kind,
                         causes: errors.list.map { APIStatus.Cause(reason: $0.kind.rawValue, message: $0.message, field: $0.path.description) })
    }
}
