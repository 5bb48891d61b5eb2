import KubeModel

extension LabelSelector {
    /// A `metav1.LabelSelector` object (`matchLabels`, `matchExpressions`); nil or `{}` matches
    /// everything.
    init(object: JSONValue?) {
        for (key, value) in object?["matchLabels"]?.objectValue ?? [:] {
            requirements.append(.equals(key, value.stringValue ?? ""))
        }
        for expression in object?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = Set(expression["values"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            switch expression["operator"]?.stringValue {
            case "In": requirements.append(.isIn(key, values))
            case "NotIn": requirements.append(.notIn(key, values))
            case "Exists": requirements.append(.exists(key))
            case "DoesNotExist": requirements.append(.doesNotExist(key))
            default: requirements.append(.isIn(key, []))   // an unknown operator matches nothing
            }
        }
    }
}
