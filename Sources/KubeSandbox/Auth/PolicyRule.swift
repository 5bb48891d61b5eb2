import KubeModel

/// One RBAC rule (`rbac/v1 PolicyRule`) and whether it allows a request.
struct PolicyRule: Sendable, Hashable {
    var verbs: [String]
    var apiGroups: [String] = []
    var resources: [String] = []
    var resourceNames: [String] = []
    var nonResourceURLs: [String] = []

    init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
         nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// A rule as stored in a Role or ClusterRole.
    init(_ json: JSONValue) {
        let strings = { (key: String) in json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    /// The rules of a Role or ClusterRole object.
    static func rules(of role: JSONValue) -> [PolicyRule] {
        (role["rules"]?.arrayValue ?? []).map(PolicyRule.init)
    }

    func allows(_ request: RequestAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(request.verb) else { return false }
        guard request.isResourceRequest else {
            return nonResourceURLs.contains { url in
                url == "*" || url == request.path || (url.hasSuffix("*") && request.path.hasPrefix(url.dropLast()))
            }
        }
        guard apiGroups.contains("*") || apiGroups.contains(request.group) else { return false }
        guard resources.contains(where: { Self.resource($0, matches: request) }) else { return false }
        return resourceNames.isEmpty || (!request.name.isEmpty && resourceNames.contains(request.name))
    }

    /// `*`, the exact resource (with `/subresource`), or `*/subresource`.
    private static func resource(_ ruleResource: String, matches request: RequestAttributes) -> Bool {
        if ruleResource == "*" || ruleResource == request.combinedResource { return true }
        return !request.subresource.isEmpty && ruleResource == "*/" + request.subresource
    }

    /// Go's `%#v`-like compact form the API server prints in escalation errors.
    var compactDescription: String {
        let list = { (values: [String]) in "[" + values.map { "\"\($0)\"" }.joined(separator: " ") + "]" }
        var parts: [String] = []
        if !apiGroups.isEmpty { parts.append("APIGroups:" + list(apiGroups)) }
        if !resources.isEmpty { parts.append("Resources:" + list(resources)) }
        if !resourceNames.isEmpty { parts.append("ResourceNames:" + list(resourceNames)) }
        if !nonResourceURLs.isEmpty { parts.append("NonResourceURLs:" + list(nonResourceURLs)) }
        parts.append("Verbs:" + list(verbs))
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
