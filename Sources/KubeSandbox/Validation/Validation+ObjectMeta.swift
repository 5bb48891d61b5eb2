import KubeModel

/// `metadata` checks every object gets (`ValidateObjectMeta`): its name in the kind's format,
/// generateName, labels, annotations, ownerReferences and finalizers.
extension Validation {
    /// How a kind's names are checked.
    enum NameFormat: Sendable {
        /// Most kinds: a DNS-1123 subdomain.
        case subdomain
        /// Services and container names: a DNS-1123 label.
        case label
        /// Namespaces: a DNS-1123 label, with dots reported on their own.
        case namespace
        /// RBAC kinds: one URL path segment.
        case pathSegment

        /// What is wrong with `name`; a `prefix` (generateName) may end in a dash.
        func check(_ name: String, prefix: Bool = false) -> [String] {
            var name = name
            if prefix, self != .pathSegment, name.hasSuffix("-") { name = String(name.dropLast()) }
            switch self {
            case .subdomain: return NameRules.dns1123Subdomain(name)
            case .label: return NameRules.dns1123Label(name)
            case .namespace: return name.contains(".") ? ["must not contain dots"] : NameRules.dns1123Label(name)
            case .pathSegment: return NameRules.pathSegment(name)
            }
        }
    }

    static let maxAnnotationBytes = 256 * 1024
    private static let metadata = FieldPath().key("metadata")

    static func objectMeta(_ meta: JSONValue?, names: NameFormat) -> FieldErrors {
        var errors = FieldErrors()
        let name = meta?["name"]?.stringValue ?? ""
        let generateName = meta?["generateName"]?.stringValue ?? ""
        if !generateName.isEmpty {
            errors.invalid(metadata.key("generateName"), generateName, details: names.check(generateName, prefix: true))
        }
        if name.isEmpty {
            if generateName.isEmpty { errors.required(metadata.key("name"), "name or generateName is required") }
        } else {
            errors.invalid(metadata.key("name"), name, details: names.check(name))
        }
        errors.append(labels(meta?["labels"]?.objectValue, at: metadata.key("labels")))
        errors.append(annotations(meta?["annotations"]?.objectValue))
        errors.append(ownerReferences(meta?["ownerReferences"]?.arrayValue ?? []))
        errors.append(finalizers(meta?["finalizers"]?.arrayValue ?? []))
        return errors
    }

    /// What may not change in `metadata`: no finalizer is added once deletion has begun. The real
    /// server checks this twice (generic update and the kind's own), so it reports it twice.
    static func objectMetaUpdate(_ meta: JSONValue?, old: JSONValue?) -> FieldErrors {
        var errors = FieldErrors()
        guard let deleted = old?["deletionTimestamp"], !deleted.isNull else { return errors }
        let previous = Set((old?["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue))
        let added = (meta?["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue).filter { !previous.contains($0) }
        guard !added.isEmpty else { return errors }
        let listed = added.map { "\"\($0)\"" }.joined(separator: ", ")
        for _ in 0..<2 {
            errors.forbidden(metadata.key("finalizers"),
                             "no new finalizers can be added if the object is being deleted, found new finalizers []string{\(listed)}")
        }
        return errors
    }

    /// Label keys and values; every error is reported at the labels map itself.
    static func labels(_ labels: JSONObject?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        for (key, value) in labels ?? JSONObject() {
            errors.invalid(path, key, details: NameRules.qualifiedName(key))
            let text = value.stringValue ?? ""
            errors.invalid(path, text, details: NameRules.labelValue(text))
        }
        return errors
    }

    static func annotations(_ annotations: JSONObject?) -> FieldErrors {
        var errors = FieldErrors()
        let path = metadata.key("annotations")
        var total = 0
        for (key, value) in annotations ?? JSONObject() {
            errors.invalid(path, key, details: NameRules.qualifiedName(key.lowercased()))
            total += key.utf8.count + (value.stringValue ?? "").utf8.count
        }
        if total > maxAnnotationBytes { errors.tooLong(path, "must have at most \(maxAnnotationBytes) bytes") }
        return errors
    }

    static func ownerReferences(_ references: [JSONValue]) -> FieldErrors {
        var errors = FieldErrors()
        let path = metadata.key("ownerReferences")
        var controllers: [String] = []
        for reference in references {
            let apiVersion = reference["apiVersion"]?.stringValue ?? ""
            let version = apiVersion.split(separator: "/").last.map(String.init) ?? ""
            if version.isEmpty { errors.invalid(path.key("apiVersion"), .string(apiVersion), "version must not be empty") }
            for (field, detail) in [("kind", "kind must not be empty"), ("name", "name must not be empty"), ("uid", "must not be empty")]
            where (reference[field]?.stringValue ?? "").isEmpty {
                errors.invalid(path.key(field), "", detail)
            }
            if reference["controller"]?.boolValue == true {
                controllers.append("\(reference["kind"]?.stringValue ?? "")/\(reference["name"]?.stringValue ?? "")")
            }
        }
        if controllers.count > 1 {
            errors.invalid(path, .array(references),
                           "Only one reference can have Controller set to true. Found \"true\" in references for \(controllers.joined(separator: " and "))")
        }
        return errors
    }

    static func finalizers(_ finalizers: [JSONValue]) -> FieldErrors {
        var errors = FieldErrors()
        let path = metadata.key("finalizers")
        let names = finalizers.compactMap(\.stringValue)
        for name in names {
            errors.invalid(path, name, details: NameRules.qualifiedName(name))
        }
        if names.contains("orphan") && names.contains("foregroundDeletion") {
            errors.invalid(path, .array(finalizers.filter { $0 == "orphan" || $0 == "foregroundDeletion" }),
                           "finalizer orphan and foregroundDeletion cannot be both set")
        }
        return errors
    }
}
