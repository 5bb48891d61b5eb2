extension LabelSelector {
    /// Reads a `metav1.LabelSelector`; nil when it is not an object or an expression is malformed
    /// (no key, an unknown operator): such a selector selects nothing, as the API server would have
    /// refused it. Scalar label values read as text (`1`, `true`). `{}` selects everything.
    public init?(json value: JSONValue) {
        guard value.objectValue != nil else { return nil }
        var expressions: [LabelSelectorRequirement] = []
        for expression in value["matchExpressions"]?.arrayValue ?? [] {
            guard let key = expression["key"]?.stringValue, let op = expression["operator"]?.stringValue,
                  LabelSelectorRequirement.operators.contains(op) else { return nil }
            expressions.append(LabelSelectorRequirement(key: key, operator: op,
                                                        values: (expression["values"]?.arrayValue ?? []).compactMap(\.scalarText)))
        }
        self.init(matchLabels: Self.labelMap(value["matchLabels"]), matchExpressions: expressions.isEmpty ? nil : expressions)
    }

    /// A Service's `spec.selector` map: equality on every pair; nil when empty or absent (such a
    /// Service selects no pods: its endpoints are managed by hand).
    public init?(serviceSelector value: JSONValue?) {
        let map = Self.labelMap(value)
        guard !map.isEmpty else { return nil }
        self.init(matchLabels: map)
    }

    /// True when it has no requirement at all (and so selects everything).
    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    /// Whether an object with `labels` is selected: every matchLabels pair and every expression holds.
    public func matches(_ labels: [String: String]) -> Bool {
        (matchLabels ?? [:]).allSatisfy { labels[$0.key] == $0.value } && (matchExpressions ?? []).allSatisfy { $0.matches(labels) }
    }

    /// Whether an object whose `metadata.labels` is `labels` (a JSON object) is selected.
    public func matches(labels: JSONValue?) -> Bool { matches(Self.labelMap(labels)) }

    private static func labelMap(_ value: JSONValue?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, member) in value?.objectValue ?? JSONObject() {
            if let text = member.scalarText { map[key] = text }
        }
        return map
    }
}

extension LabelSelectorRequirement {
    /// The operators a label selector expression may use.
    public static let operators: Set<String> = ["In", "NotIn", "Exists", "DoesNotExist"]

    /// Whether `labels` satisfy this expression; an unknown operator is satisfied by nothing.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        let values = self.values ?? []
        switch `operator` {
        case "In": return value.map(values.contains) ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        default: return false
        }
    }
}
