import KubeModel

/// `resourceVersionMatch`: how a list's `resourceVersion` is read.
enum ResourceVersionMatch: String, Sendable {
    case exact = "Exact"
    case notOlderThan = "NotOlderThan"
}

extension ListQuery {
    /// Parses list and watch parameters and validates them as the API server validates
    /// ListOptions: malformed numbers are 400, inconsistent options 422 (`ListOptions.meta.k8s.io`).
    init(_ query: QueryParameters, type: ServedResource, watch: Bool) throws(SandboxError) {
        self.init()
        if let text = query["labelSelector"], !text.isEmpty { labelSelector = try LabelSelector(parsing: text) }
        if let text = query["fieldSelector"], !text.isEmpty { fieldSelector = try FieldSelector(parsing: text, for: type) }
        if let text = query["limit"], !text.isEmpty {
            guard let value = Int(text) else { throw .api(.badRequest("strconv.ParseInt: parsing \"\(text)\": invalid syntax")) }
            // Zero and negative limits mean "no limit".
            limit = value > 0 ? value : nil
        }
        continueToken = query["continue"].flatMap { $0.isEmpty ? nil : $0 }
        resourceVersion = query["resourceVersion"].flatMap { $0.isEmpty ? nil : $0 }
        if let rv = resourceVersion, UInt64(rv) == nil {
            throw .api(.badRequest("invalid resource version: resourceVersion: Invalid value: \"\(rv)\": strconv.ParseUint: parsing \"\(rv)\": invalid syntax"))
        }
        allowBookmarks = query.flag("allowWatchBookmarks")
        if let text = query["sendInitialEvents"] { sendInitialEvents = text == "1" || text.lowercased() == "true" }
        let match = query["resourceVersionMatch"] ?? ""
        resourceVersionMatch = ResourceVersionMatch(rawValue: match)
        let problems = watch ? watchProblems(match) : listProblems(match)
        guard problems.isEmpty else {
            let texts = problems.map { "\($0.field): \($0.detail)" }
            let summary = texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
            var status = APIStatus.invalidListOptions(problems[0].field, reason: problems[0].reason, problems[0].detail)
            status.message = "ListOptions.meta.k8s.io \"\" is invalid: \(summary)"
            status.causes = problems.map { APIStatus.Cause(reason: $0.reason, message: $0.detail, field: $0.field) }
            throw .api(status)
        }
    }

    private typealias Problem = (field: String, reason: String, detail: String)

    private static func forbidden(_ field: String, _ detail: String) -> Problem {
        (field, "FieldValueForbidden", "Forbidden: \(detail)")
    }

    private static func unsupported(_ value: String, _ supported: [String]) -> Problem {
        let listed = supported.map { "\"\($0)\"" }.joined(separator: ", ")
        return ("resourceVersionMatch", "FieldValueNotSupported", "Unsupported value: \"\(value)\": supported values: \(listed)")
    }

    private func listProblems(_ match: String) -> [Problem] {
        var problems: [Problem] = []
        if !match.isEmpty {
            if resourceVersion == nil {
                problems.append(Self.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"))
            }
            if continueToken != nil {
                problems.append(Self.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"))
            }
            if resourceVersionMatch == nil { problems.append(Self.unsupported(match, ["Exact", "NotOlderThan", ""])) }
            if resourceVersionMatch == .exact, resourceVersion == "0" {
                problems.append(Self.forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""))
            }
        }
        if sendInitialEvents != nil { problems.append(Self.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list")) }
        return problems
    }

    private func watchProblems(_ match: String) -> [Problem] {
        var problems: [Problem] = []
        if sendInitialEvents != nil, resourceVersionMatch != .notOlderThan {
            problems.append(Self.forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"))
        }
        if !match.isEmpty {
            if sendInitialEvents == nil {
                problems.append(Self.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"))
            }
            if resourceVersionMatch != .notOlderThan { problems.append(Self.unsupported(match, ["NotOlderThan"])) }
            if continueToken != nil {
                problems.append(Self.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"))
            }
        }
        return problems
    }
}
