import KubeModel

/// A `metav1.LabelSelector` (matchLabels and matchExpressions), or a Service's plain selector map.
struct LabelSelector: Sendable, Hashable {
    enum Operator: String, Sendable { case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist" }

    struct Requirement: Sendable, Hashable {
        let key: String
        let op: Operator
        let values: Set<String>

        func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .in: return value.map(values.contains) ?? false
            case .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            }
        }
    }

    var matchLabels: [String: String]
    var requirements: [Requirement]

    /// Reads a LabelSelector; nil when it is malformed (it then selects nothing, as the API would
    /// have refused it). An empty selector `{}` selects everything.
    init?(_ value: JSONValue) {
        guard value.objectValue != nil else { return nil }
        matchLabels = value["matchLabels"]?.stringMap ?? [:]
        var requirements: [Requirement] = []
        for expression in value["matchExpressions"]?.elements ?? [] {
            guard let key = expression["key"]?.stringValue,
                  let op = expression["operator"]?.stringValue.flatMap(Operator.init(rawValue:))
            else { return nil }
            let values = Set(expression["values"]?.elements.compactMap(\.scalarText) ?? [])
            requirements.append(Requirement(key: key, op: op, values: values))
        }
        self.requirements = requirements
    }

    /// A Service's `spec.selector`: equality on every pair; nil when empty or absent (such a
    /// Service selects no pods: its endpoints are managed by hand).
    init?(serviceSelector value: JSONValue?) {
        let map = value?.stringMap ?? [:]
        guard !map.isEmpty else { return nil }
        matchLabels = map
        requirements = []
    }

    var isEmpty: Bool { matchLabels.isEmpty && requirements.isEmpty }

    func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value } && requirements.allSatisfy { $0.matches(labels) }
    }
}
