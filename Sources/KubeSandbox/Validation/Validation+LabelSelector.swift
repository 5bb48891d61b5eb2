import KubeModel

/// `metav1.LabelSelector` objects: their validation, and matching labels with them.
extension Validation {
    static let selectorOperators = ["In", "NotIn", "Exists", "DoesNotExist"]

    static func labelSelector(_ selector: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard let selector, !selector.isNull else { return errors }
        errors.append(labels(selector["matchLabels"]?.objectValue, at: path.key("matchLabels")))
        for (index, expression) in (selector["matchExpressions"]?.arrayValue ?? []).enumerated() {
            let expressionPath = path.key("matchExpressions").index(index)
            let values = expression["values"]?.arrayValue ?? []
            let op = expression["operator"]?.stringValue ?? ""
            switch op {
            case "In", "NotIn":
                if values.isEmpty {
                    errors.required(expressionPath.key("values"), "must be specified when `operator` is 'In' or 'NotIn'")
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errors.forbidden(expressionPath.key("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
                }
            default:
                errors.invalid(expressionPath.key("operator"), .string(op), "not a valid selector operator")
            }
            let key = expression["key"]?.stringValue ?? ""
            errors.invalid(expressionPath.key("key"), key, details: NameRules.qualifiedName(key))
        }
        return errors
    }
}
