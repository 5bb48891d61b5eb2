import KubeModel
import KubeSchema

extension CRDValidation {
    /// The versions, and each version's schema, subresources and printer columns.
    static func versionViolations(_ spec: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        let versions = spec["versions"]?.arrayValue ?? []
        var seen = Set<String>()
        var unique = true
        for (index, version) in versions.enumerated() {
            let name = version["name"]?.stringValue ?? ""
            if !seen.insert(name).inserted { unique = false }
            let problems = CRDNames.dns1035LabelErrors(name)
            if !problems.isEmpty {
                errors.append(CRDFieldError.invalid(path.key("versions").index(index).key("name"), .string(name), problems.joined(separator: ",")))
            }
        }
        let shared = { (key: String) in versions.allSatisfy { $0[key] == versions.first?[key] } }
        let printed = internalVersions(versions, hoisted: ["schema", "subresources", "additionalPrinterColumns"].filter(shared))
        if !unique { errors.append(CRDFieldError.invalid(path.key("versions"), printed, "must contain unique version names")) }
        if versions.filter({ $0["storage"]?.boolValue == true }).count != 1 {
            errors.append(CRDFieldError.invalid(path.key("versions"), printed, "must have exactly one version marked as storage version"))
        }
        for (index, version) in versions.enumerated() {
            let at = path.key("versions").index(index)
            if version["deprecated"]?.boolValue != true, version["deprecationWarning"] != nil {
                errors.append(CRDFieldError.invalid(at.key("deprecationWarning"), version["deprecationWarning"] ?? .null, "can only be set for deprecated versions"))
            }
            if !shared("schema"), let schema = version["schema"]?["openAPIV3Schema"] {
                errors += CRDSchemaValidation.violations(schema, at: at.key("schema").key("openAPIV3Schema"))
            }
            if !shared("subresources") { errors += subresourceViolations(version["subresources"], at: at.key("subresources")) }
            if !shared("additionalPrinterColumns") {
                errors += columnViolations(version["additionalPrinterColumns"], at: at.key("additionalPrinterColumns"))
            }
        }
        if let first = versions.first {
            if shared("schema"), let schema = first["schema"]?["openAPIV3Schema"] {
                errors += CRDSchemaValidation.violations(schema, at: path.key("validation").key("openAPIV3Schema"))
            }
            if shared("subresources") { errors += subresourceViolations(first["subresources"], at: path.key("subresources")) }
            if shared("additionalPrinterColumns") {
                errors += columnViolations(first["additionalPrinterColumns"], at: path.key("additionalPrinterColumns"))
            }
        }
        for (index, version) in versions.enumerated() where version["schema"]?["openAPIV3Schema"]?.objectValue == nil {
            errors.append(CRDFieldError.required(path.key("versions").index(index).key("schema").key("openAPIV3Schema")))
        }
        return errors
    }

    /// The versions as the server prints them in an error: its internal Go structs, with what every
    /// version shares (`hoisted`) moved to the spec and so null here.
    static func internalVersions(_ versions: [JSONValue], hoisted: [String]) -> JSONValue {
        .array(versions.map { version in
            var printed = JSONObject()
            printed["Name"] = version["name"] ?? ""
            printed["Served"] = version["served"] ?? false
            printed["Storage"] = version["storage"] ?? false
            printed["Deprecated"] = version["deprecated"] ?? false
            printed["DeprecationWarning"] = version["deprecationWarning"] ?? .null
            for (key, field) in [("schema", "Schema"), ("subresources", "Subresources"), ("additionalPrinterColumns", "AdditionalPrinterColumns")] {
                printed[field] = hoisted.contains(key) ? .null : version[key] ?? .null
            }
            printed["SelectableFields"] = version["selectableFields"] ?? .null
            return .object(printed)
        })
    }
}
