import KubeModel

/// Roles, ClusterRoles and their bindings (`pkg/apis/rbac/validation`).
extension Validation {
    static func rules(_ object: JSONValue, namespaced: Bool) -> FieldErrors {
        var errors = FieldErrors()
        for (index, rule) in (object["rules"]?.arrayValue ?? []).enumerated() {
            let path = FieldPath().key("rules").index(index)
            let count = { (field: String) in rule[field]?.arrayValue?.count ?? 0 }
            if count("verbs") == 0 { errors.required(path.key("verbs"), "verbs must contain at least one value") }
            if count("nonResourceURLs") > 0 {
                if namespaced {
                    errors.invalid(path.key("nonResourceURLs"), rule["nonResourceURLs"] ?? .null, "namespaced rules cannot apply to non-resource URLs")
                }
                if count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0 {
                    errors.invalid(path.key("nonResourceURLs"), rule["nonResourceURLs"] ?? .null, "rules cannot apply to both regular resources and non-resource URLs")
                }
                continue
            }
            if count("apiGroups") == 0 { errors.required(path.key("apiGroups"), "resource rules must supply at least one api group") }
            if count("resources") == 0 { errors.required(path.key("resources"), "resource rules must supply at least one resource") }
        }
        return errors
    }

    static func roleBinding(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = FieldErrors()
        let roleRef = object["roleRef"]
        let kind = roleRef?["kind"]?.stringValue ?? ""
        let refPath = FieldPath().key("roleRef")
        if roleRef?["apiGroup"]?.stringValue != "rbac.authorization.k8s.io" {
            errors.notSupported(refPath.key("apiGroup"), roleRef?["apiGroup"] ?? "", ["rbac.authorization.k8s.io"])
        }
        let kinds = object["metadata"]?["namespace"] == nil ? ["ClusterRole"] : ["Role", "ClusterRole"]
        if !kinds.contains(kind) { errors.notSupported(refPath.key("kind"), .string(kind), kinds) }
        let name = roleRef?["name"]?.stringValue ?? ""
        if name.isEmpty {
            errors.required(refPath.key("name"))
        } else {
            errors.invalid(refPath.key("name"), name, details: NameRules.pathSegment(name))
        }
        for (index, subject) in (object["subjects"]?.arrayValue ?? []).enumerated() {
            let kinds = ["ServiceAccount", "User", "Group"]
            let subjectKind = subject["kind"]?.stringValue ?? ""
            if !kinds.contains(subjectKind) {
                errors.notSupported(FieldPath().key("subjects").index(index).key("kind"), .string(subjectKind), kinds)
            }
            if (subject["name"]?.stringValue ?? "").isEmpty { errors.required(FieldPath().key("subjects").index(index).key("name")) }
        }
        if let old, let oldRef = old["roleRef"], oldRef != roleRef {
            errors.invalid(refPath, roleRef ?? .null, "cannot change roleRef")
        }
        return errors
    }
}
