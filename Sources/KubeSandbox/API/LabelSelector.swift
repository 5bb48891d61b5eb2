import KubeModel

/// The `labelSelector` query of a list or watch (`app=web,tier!=db,env in (a,b),zone notin (x),canary,!legacy`),
/// read into Kubernetes' one LabelSelector: `=`/`==` is `In` one value, `!=` is `NotIn` one value.
extension LabelSelector {
    init(parsing text: String) throws(SandboxError) {
        var expressions: [LabelSelectorRequirement] = []
        for clause in Self.clauses(text) {
            let part = clause.trimmingWhitespace
            if part.isEmpty { continue }
            expressions.append(try Self.requirement(part, in: text))
        }
        self.init(matchExpressions: expressions)
    }

    /// Whether an object whose `metadata.labels` is `labels` is selected.
    func matches(_ labels: JSONObject) -> Bool { matches(labels: .object(labels)) }

    /// Splits on commas outside parentheses.
    private static func clauses(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: result.append(current); current = ""
            default: current.append(character)
            }
        }
        result.append(current)
        return result
    }

    private static func requirement(_ part: String, in text: String) throws(SandboxError) -> LabelSelectorRequirement {
        let invalid = SandboxError.api(.badRequest("unable to parse requirement: invalid label selector: \"\(text)\""))
        if part.hasPrefix("!") {
            let key = String(part.dropFirst()).trimmingWhitespace
            guard Self.isKey(key) else { throw invalid }
            return LabelSelectorRequirement(key: key, operator: "DoesNotExist")
        }
        for (operator_, name) in [(" notin ", "NotIn"), (" in ", "In")] {
            if let range = part.range(of: operator_) {
                let key = String(part[..<range.lowerBound]).trimmingWhitespace
                let rest = String(part[range.upperBound...]).trimmingWhitespace
                guard Self.isKey(key), rest.hasPrefix("("), rest.hasSuffix(")") else { throw invalid }
                let values = rest.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingWhitespace }
                return LabelSelectorRequirement(key: key, operator: name, values: values)
            }
        }
        for (operator_, negated) in [("!=", true), ("==", false), ("=", false)] {
            if let range = part.range(of: operator_) {
                let key = String(part[..<range.lowerBound]).trimmingWhitespace
                let value = String(part[range.upperBound...]).trimmingWhitespace
                guard Self.isKey(key) else { throw invalid }
                if let next = value.split(whereSeparator: \.isWhitespace).dropFirst().first {
                    // The real parser reads one value token, then wants a comma or the end.
                    throw .api(.badRequest("found '\(next)', expected: ',' or 'end of string'"))
                }
                return LabelSelectorRequirement(key: key, operator: negated ? "NotIn" : "In", values: [value])
            }
        }
        guard Self.isKey(part) else { throw invalid }
        return LabelSelectorRequirement(key: part, operator: "Exists")
    }

    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    }
}

/// A parsed `fieldSelector`: `metadata.name=web`, `metadata.namespace!=kube-system`.
struct FieldSelector: Sendable {
    var requirements: [(path: String, value: String, negated: Bool)] = []

    /// Parses a selector on `type`'s field labels; an unknown label is 400 BadRequest.
    init(parsing text: String, for type: ServedResource) throws(SandboxError) {
        let known = Self.fields(for: type)
        for clause in text.split(separator: ",") {
            let part = String(clause).trimmingWhitespace
            var parsed: (String, String, Bool)?
            for (operator_, negated) in [("!=", true), ("==", false), ("=", false)] {
                if let range = part.range(of: operator_) {
                    parsed = (String(part[..<range.lowerBound]), String(part[range.upperBound...]), negated)
                    break
                }
            }
            guard let (path, value, negated) = parsed else {
                throw .api(.badRequest("invalid field selector: \"\(text)\""))
            }
            guard known.contains(path) else { throw .api(Self.unknownField(path, for: type)) }
            requirements.append((path, value, negated))
        }
    }

    func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = Self.value(of: requirement.path, in: object)
            return (actual == requirement.value) != requirement.negated
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
