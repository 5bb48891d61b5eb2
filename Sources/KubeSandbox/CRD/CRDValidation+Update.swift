import KubeModel
import KubeSchema

extension CRDValidation {
    /// What an update may not change: group and plural always, scope and kind once established.
    static func updateViolations(_ spec: JSONValue, old: JSONValue) -> [SchemaViolation] {
        let established = (old["status"]?["conditions"]?.arrayValue ?? [])
            .contains { $0["type"] == "Established" && $0["status"] == "True" }
        var checked = ["group", "names.plural"]
        if established { checked = ["scope", "names.kind"] + checked }
        return checked.compactMap { field in
            let new = spec[FieldPath(parsing: field)]
            guard new != old["spec"]?[FieldPath(parsing: field)] else { return nil }
            return CRDFieldError.invalid(FieldPath(parsing: "spec." + field), new ?? .null, "field is immutable")
        }
    }

    static func storedVersionViolations(_ stored: [String], spec: JSONValue) -> [SchemaViolation] {
        let path = FieldPath(parsing: "status.storedVersions")
        guard !stored.isEmpty else { return [CRDFieldError.invalid(path, .null, "must have at least one stored version")] }
        let versions = spec["versions"]?.arrayValue ?? []
        let names = Set(versions.compactMap { $0["name"]?.stringValue })
        var errors: [SchemaViolation] = []
        for (index, version) in stored.enumerated() where !names.contains(version) {
            errors.append(CRDFieldError.invalid(path.index(index), .string(version), "must appear in spec.versions"))
        }
        if let storage = versions.last(where: { $0["storage"]?.boolValue == true })?["name"]?.stringValue, !stored.contains(storage) {
            errors.append(CRDFieldError.invalid(path, .array(stored.map(JSONValue.string)), "must have the storage version \(storage)"))
        }
        return errors
    }
}
