import KubeModel
import KubeSchema

extension CRDValidation {
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
}
