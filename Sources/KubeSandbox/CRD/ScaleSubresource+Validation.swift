import KubeModel
import KubeSchema

extension ScaleSubresource {
    /// What the API server checks of a custom resource with a scale subresource, after its schema:
    /// the replicas at both paths are whole numbers from 0 to 2^31-1 when present, and the selector
    /// path holds a string. The field is the path as the CRD spells it (`.spec.replicas`).
    func violations(of object: JSONValue) -> [SchemaViolation] {
        var violations = [specReplicasPath, statusReplicasPath].compactMap { Self.replicasViolation(object, at: $0) }
        if let labelSelectorPath, let (found, problem) = Self.accessorProblem(object, at: labelSelectorPath, expected: "string"),
           found?.stringValue == nil {
            violations.append(SchemaViolation(.invalid, at: FieldPath([.key(labelSelectorPath)]), "Invalid value: \"\": \(problem)"))
        }
        return violations
    }

    private static func replicasViolation(_ object: JSONValue, at path: String) -> SchemaViolation? {
        guard let (found, problem) = accessorProblem(object, at: path, expected: "int64") else { return nil }
        let field = FieldPath([.key(path)])
        guard case .integer(let replicas)? = found else { return SchemaViolation(.invalid, at: field, "Invalid value: 0: \(problem)") }
        if replicas < 0 { return SchemaViolation(.invalid, at: field, "Invalid value: \(replicas): should be a non-negative integer") }
        if replicas > Int(Int32.max) {
            return SchemaViolation(.invalid, at: field, "Invalid value: \(replicas): should be less than or equal to \(Int32.max)")
        }
        return nil
    }

    /// Nil when nothing is at `path`; otherwise the value there (nil when a member on the way is no
    /// map) and how the unstructured accessors describe it not being an `expected`
    /// (`.spec.replicas accessor error: three is of the type string, expected int64`).
    private static func accessorProblem(_ object: JSONValue, at path: String, expected: String) -> (JSONValue?, String)? {
        let keys = path.drop { $0 == "." }.split(separator: ".").map(String.init)
        var value = object
        for (index, key) in keys.enumerated() {
            guard case .object(let members) = value else {
                let prefix = "." + keys[..<index].joined(separator: ".")
                return (nil, "\(prefix) accessor error: \(value.goFormatted) is of the type \(value.goTypeName), expected map[string]interface{}")
            }
            guard let member = members[key] else { return nil }
            value = member
        }
        return (value, ".\(keys.joined(separator: ".")) accessor error: \(value.goFormatted) is of the type \(value.goTypeName), expected \(expected)")
    }
}
