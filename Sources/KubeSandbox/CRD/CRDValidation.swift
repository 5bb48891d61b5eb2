import KubeModel
import KubeSchema

/// Validates a CustomResourceDefinition as apiextensions-apiserver does before storing it:
/// name, group, scope, names, versions, schemas, subresources, printer columns, conversion and
/// stored versions. Error paths are those of the server's internal version: a schema (subresources,
/// printer columns) that every version shares is reported under `spec.validation`
/// (`spec.subresources`, `spec.additionalPrinterColumns`), one that differs under `spec.versions[i]`.
enum CRDValidation {
    /// Every violation of `crd` (already defaulted); `old` is the stored CRD on update.
    static func violations(_ crd: JSONValue, old: JSONValue?) -> [SchemaViolation] {
        let spec = crd["spec"] ?? .object([:])
        var errors = nameViolations(crd["metadata"]?["name"]?.stringValue ?? "", spec: spec)
        if old == nil || old?["metadata"]?["annotations"]?[approvalAnnotation] != crd["metadata"]?["annotations"]?[approvalAnnotation] {
            errors += apiApprovalViolations(crd)
        }
        errors += specViolations(spec, at: FieldPath(parsing: "spec"))
        if let old { errors += updateViolations(spec, old: old) }
        errors += storedVersionViolations(storedVersions(crd, old: old), spec: spec)
        return errors
    }

    /// `status.storedVersions` as the server keeps it: the old list plus the current storage version.
    static func storedVersions(_ crd: JSONValue, old: JSONValue?) -> [String] {
        var stored = (old?["status"]?["storedVersions"]?.arrayValue ?? []).compactMap(\.stringValue)
        let versions = crd["spec"]?["versions"]?.arrayValue ?? []
        if let storage = versions.first(where: { $0["storage"]?.boolValue == true })?["name"]?.stringValue,
           !stored.contains(storage) {
            stored.append(storage)
        }
        return stored
    }

    static func nameViolations(_ name: String, spec: JSONValue) -> [SchemaViolation] {
        let path = FieldPath(parsing: "metadata.name")
        var messages = CRDNames.dns1123SubdomainErrors(name)
        let plural = spec["names"]?["plural"]?.stringValue ?? ""
        let group = spec["group"]?.stringValue ?? ""
        if name != "\(plural).\(group)" { messages.append("must be spec.names.plural+\".\"+spec.group") }
        return messages.map { CRDFieldError.invalid(path, .string(name), $0) }
    }

    static func specViolations(_ spec: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        let group = spec["group"]?.stringValue ?? ""
        let groupProblems = CRDNames.dns1123SubdomainErrors(group)
        if group.isEmpty {
            errors.append(CRDFieldError.required(path.key("group")))
        } else if !groupProblems.isEmpty {
            errors.append(CRDFieldError.invalid(path.key("group"), .string(group), groupProblems.joined(separator: ",")))
        } else if !group.contains(".") {
            errors.append(CRDFieldError.invalid(path.key("group"), .string(group), "should be a domain with at least one dot"))
        }
        switch spec["scope"]?.stringValue ?? "" {
        case "": errors.append(CRDFieldError.required(path.key("scope")))
        case "Cluster", "Namespaced": break
        default: errors.append(CRDFieldError.notSupported(path.key("scope"), spec["scope"] ?? .null, ["Cluster", "Namespaced"]))
        }
        errors += versionViolations(spec, at: path)
        for key in ["plural", "singular", "kind", "listKind"] where (spec["names"]?[key]?.stringValue ?? "").isEmpty {
            errors.append(CRDFieldError.required(path.key("names").key(key)))
        }
        errors += CRDNames.violations(spec["names"], at: path.key("names"))
        errors += conversionViolations(spec["conversion"], at: path.key("conversion"))
        if spec["preserveUnknownFields"]?.boolValue == true {
            errors.append(CRDFieldError.invalid(path.key("preserveUnknownFields"), true,
                                                "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"))
        }
        return errors
    }

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

    static func subresourceViolations(_ subresources: JSONValue?, at path: FieldPath) -> [SchemaViolation] {
        guard let scale = subresources?["scale"] else { return [] }
        var errors: [SchemaViolation] = []
        let rules: [(key: String, prefixes: [String], detail: String, required: Bool)] = [
            ("specReplicasPath", [".spec."], "should be a json path under .spec", true),
            ("statusReplicasPath", [".status."], "should be a json path under .status", true),
            ("labelSelectorPath", [".spec.", ".status."], "should be a json path under either .spec or .status", false),
        ]
        for rule in rules {
            let at = path.key("scale").key(rule.key)
            guard let value = scale[rule.key]?.stringValue, !value.isEmpty else {
                if rule.required { errors.append(CRDFieldError.required(at)) }
                continue
            }
            if let problem = simpleJSONPathProblem(value) {
                errors.append(CRDFieldError.invalid(at, .string(value), problem))
            } else if !rule.prefixes.contains(where: { value.hasPrefix($0) }) {
                errors.append(CRDFieldError.invalid(at, .string(value), rule.detail))
            }
        }
        return errors
    }

    static let columnTypes = ["boolean", "date", "integer", "number", "string"]
    static let columnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"]

    static func columnViolations(_ columns: JSONValue?, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        for (index, column) in (columns?.arrayValue ?? []).enumerated() {
            let at = path.index(index)
            if (column["name"]?.stringValue ?? "").isEmpty { errors.append(CRDFieldError.required(at.key("name"))) }
            let type = column["type"]?.stringValue ?? ""
            if !columnTypes.contains(type) {
                errors.append(CRDFieldError.invalid(at.key("type"), .string(type), "must be one of \(columnTypes.joined(separator: ","))"))
            }
            if let format = column["format"]?.stringValue, !format.isEmpty, !columnFormats.contains(format) {
                errors.append(CRDFieldError.invalid(at.key("format"), .string(format), "must be one of \(columnFormats.joined(separator: ","))"))
            }
            let jsonPath = column["jsonPath"]?.stringValue ?? ""
            if jsonPath.isEmpty {
                errors.append(CRDFieldError.required(at.key("jsonPath")))
            } else if let problem = simpleJSONPathProblem(jsonPath) {
                errors.append(CRDFieldError.invalid(at.key("jsonPath"), .string(jsonPath), problem))
            }
        }
        return errors
    }

    /// The server only checks that such a path starts with a dot (it accepts `.spec.[broken`).
    static func simpleJSONPathProblem(_ path: String) -> String? {
        path.hasPrefix(".") ? nil : "must be a simple json path starting with ."
    }

    static func conversionViolations(_ conversion: JSONValue?, at path: FieldPath) -> [SchemaViolation] {
        guard let conversion else { return [] }
        switch conversion["strategy"]?.stringValue ?? "" {
        case "None":
            if conversion["webhook"] != nil {
                return [CRDFieldError.forbidden(path.key("webhook"), "should not be set when strategy is not set to Webhook")]
            }
        case "Webhook":
            if conversion["webhook"]?["clientConfig"] == nil {
                return [CRDFieldError.required(path.key("webhook"), "required when strategy is set to Webhook")]
            }
        case "": return [CRDFieldError.required(path.key("strategy"))]
        default: return [CRDFieldError.notSupported(path.key("strategy"), conversion["strategy"] ?? .null, ["None", "Webhook"])]
        }
        return []
    }

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
