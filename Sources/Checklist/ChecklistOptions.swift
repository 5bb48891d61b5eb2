/// Which rules run and which findings are reported.
public struct ChecklistOptions: Sendable, Hashable {
    /// Only the Pod Security Standards rules of this level (restricted includes baseline), each
    /// checking exactly that level's controls. nil: the whole catalogue, security at restricted.
    public var profile: PSSLevel?
    /// Only these rule ids; empty means every rule.
    public var rules: Set<String>
    /// Rule ids never run.
    public var skippedRules: Set<String>
    /// Findings below this severity are dropped, and so are rules whose default severity is below it.
    public var minimumSeverity: Severity
    /// The cluster serves Istio's security.istio.io/v1 (`mtls-enforced` applies to every workload).
    public var meshDetected = false
    /// mTLS is required cluster-wide (`--mesh-mtls strict`): `mtls-enforced` applies, and a
    /// Microservice that does not set `mesh.mtls` gets it.
    public var meshMTLSByDefault = false

    public init(profile: PSSLevel? = nil, rules: Set<String> = [], skippedRules: Set<String> = [],
                minimumSeverity: Severity = .warning) {
        self.profile = profile
        self.rules = rules
        self.skippedRules = skippedRules
        self.minimumSeverity = minimumSeverity
    }

    /// Ids among `rules` and `skippedRules` that the catalogue does not know (for argument validation).
    public var unknownRuleIDs: [String] {
        rules.union(skippedRules).filter { Catalogue.rule($0) == nil }.sorted()
    }

    /// Whether `rule` runs under these options.
    func selects(_ rule: Rule) -> Bool {
        if let profile {
            guard let level = rule.pss, level <= profile else { return false }
        }
        if !rules.isEmpty, !rules.contains(rule.id) { return false }
        return !skippedRules.contains(rule.id) && rule.defaultSeverity >= minimumSeverity
    }

    /// The PSS level security rules check at.
    var level: PSSLevel { profile ?? .restricted }
}
