import KubeModel

/// The `fieldPath` of an `x-kubernetes-validations` rule: a path relative to the schema the rule is
/// declared on, in dot (`.spec.replicas`) or bracket (`['replicas']`) form, through declared
/// properties or a map's additionalProperties only (no list indexes, nothing outside the schema).
enum CRDRuleFieldPath {
    static func resolves(_ fieldPath: String, in schema: JSONValue) -> Bool {
        var rest = Substring(fieldPath)
        var node = schema
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            let key: String
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                key = String(rest[..<end])
                rest = rest[end...]
            } else if rest.hasPrefix("['") {
                rest = rest.dropFirst(2)
                guard let close = rest.range(of: "']") else { return false }
                key = String(rest[..<close.lowerBound])
                rest = rest[close.upperBound...]
            } else {
                return false
            }
            guard !key.isEmpty else { return false }
            if let child = node["properties"]?[key] {
                node = child
            } else if let additional = node["additionalProperties"], additional.objectValue != nil {
                node = additional
            } else {
                return false
            }
        }
        return true
    }
}
