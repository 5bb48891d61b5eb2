extension PolicyRule {
    /// The rule broken into rules of one verb, group, resource and resource name (or one verb and
    /// URL), the units escalation checks compare.
    var atoms: [PolicyRule] {
        var result: [PolicyRule] = []
        for verb in verbs {
            for url in nonResourceURLs { result.append(PolicyRule(verbs: [verb], nonResourceURLs: [url])) }
            for group in apiGroups {
                for resource in resources {
                    if resourceNames.isEmpty {
                        result.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    }
                    for name in resourceNames {
                        result.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name]))
                    }
                }
            }
        }
        return result
    }

    /// Whether this rule grants everything `atom` (one of `atoms`) grants.
    func covers(_ atom: PolicyRule) -> Bool {
        guard let verb = atom.verbs.first, verbs.contains("*") || verbs.contains(verb) else { return false }
        if let url = atom.nonResourceURLs.first {
            return nonResourceURLs.contains { $0 == "*" || $0 == url || ($0.hasSuffix("*") && url.hasPrefix($0.dropLast())) }
        }
        guard let group = atom.apiGroups.first, let resource = atom.resources.first,
              apiGroups.contains("*") || apiGroups.contains(group) else { return false }
        let subresource = resource.split(separator: "/", maxSplits: 1).dropFirst().first
        guard resources.contains(where: { $0 == "*" || $0 == resource || (subresource.map { "*/" + $0 } == $0) }) else { return false }
        guard let name = atom.resourceNames.first else { return resourceNames.isEmpty }
        return resourceNames.isEmpty || resourceNames.contains(name)
    }
}
