import KubeModel

extension LabelSelector {
    /// A `metav1.LabelSelector` object (`matchLabels`, `matchExpressions`) read leniently, as
    /// webhook and policy selectors are; nil or `{}` matches everything, an unknown operator
    /// matches nothing.
    init(object: JSONValue?) {
        self = Self.reading(object) ?? LabelSelector()
    }

    /// The selector a `metav1.LabelSelector` object describes; nil when an operator is unknown.
    init?(selector: JSONValue) {
        guard let selector = Self.reading(selector),
              (selector.matchExpressions ?? []).allSatisfy({ LabelSelectorRequirement.operators.contains($0.operator) })
        else { return nil }
        self = selector
    }

    /// The object's requirements as written; a missing key reads as "", a missing label value as "".
    private static func reading(_ object: JSONValue?) -> LabelSelector? {
        guard let object else { return nil }
        var matchLabels: [String: String] = [:]
        for (key, value) in object["matchLabels"]?.objectValue ?? [:] { matchLabels[key] = value.stringValue ?? "" }
        let expressions = (object["matchExpressions"]?.arrayValue ?? []).map { expression in
            LabelSelectorRequirement(key: expression["key"]?.stringValue ?? "", operator: expression["operator"]?.stringValue ?? "",
                                     values: (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return LabelSelector(matchLabels: matchLabels, matchExpressions: expressions)
    }
}
