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
}
