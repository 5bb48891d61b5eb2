import KubeModel

extension Microservice {
    /// The schema of `spec`.
    public static var specSchema: Schema { MicroserviceSpec.schema }
    /// The schema of `status`.
    public static var statusSchema: Schema { MicroserviceStatus.schema }

    /// Schema/type drift: fields of the Swift types that have no schema. Empty when in sync.
    public static var schemaProblems: [String] {
        specSchema.problems.map { "spec.\($0)" } + statusSchema.problems.map { "status.\($0)" }
    }

    /// The rule the API server applies to `metadata.name` (it names the Service, so DNS-1035).
    static let nameRule = CrossFieldRule(
        cel: "self.metadata.name.size() <= 63 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
        message: "metadata.name must be a DNS-1035 label (it names the Service): lowercase letters, digits and '-', starting with a letter, at most 63 characters")

    /// Validates a whole Microservice document: envelope, metadata, spec and status.
    static func validateDocument(_ value: JSONValue) -> [ValidationIssue] {
        guard let object = value.objectValue else { return [ValidationIssue(.root, "must be an object")] }
        var issues: [ValidationIssue] = []
        for (key, _) in object where !CodingKeys.allCases.map(\.stringValue).contains(key) {
            issues.append(ValidationIssue(FieldPath.root.key(key), "unknown field"))
        }
        issues += validateMetadata(object["metadata"])
        if let spec = object["spec"] {
            issues += TypedSchemaValidator.validate(spec, against: specSchema, at: FieldPath.root.key("spec"))
        } else {
            issues.append(ValidationIssue(FieldPath.root.key("spec"), "is required"))
        }
        if let status = object["status"] {
            issues += TypedSchemaValidator.validate(status, against: statusSchema, at: FieldPath.root.key("status"))
        }
        return issues
    }

    private static func validateMetadata(_ metadata: JSONValue?) -> [ValidationIssue] {
        let path = FieldPath.root.key("metadata")
        guard let metadata else { return [ValidationIssue(path, "is required")] }
        guard let object = metadata.objectValue else { return [ValidationIssue(path, "must be an object")] }
        var issues: [ValidationIssue] = []
        for (key, _) in object where !ObjectMeta.fieldNames.contains(key) {
            issues.append(ValidationIssue(path.key(key), "unknown field"))
        }
        switch object["name"] {
        case .string(let name)?:
            if !nameRule.holds(["metadata": ["name": .string(name)]]) {
                issues.append(ValidationIssue(path.key("name"), "\"\(name)\" is not \(StringFormat.dns1035Label.summary)"))
            }
        case nil: issues.append(ValidationIssue(path.key("name"), "is required"))
        case let other?: issues.append(ValidationIssue(path.key("name"), "must be a string, not \(other.typeName)"))
        }
        if let namespace = object["namespace"] {
            let schema = Schema.string("namespace", format: .dnsLabel)
            issues += TypedSchemaValidator.validate(namespace, against: schema, at: path.key("namespace"))
        }
        for key in ["labels", "annotations"] {
            guard let map = object[key] else { continue }
            let schema = Schema.map(key, of: { var s = Schema.string(key); s.minLength = nil; return s }())
            issues += TypedSchemaValidator.validate(map, against: schema, at: path.key(key))
        }
        return issues
    }
}
