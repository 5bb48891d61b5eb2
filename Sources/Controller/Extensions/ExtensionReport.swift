import Render

/// What a reconcile left out among the extension objects a Microservice asks for, for the
/// `ExtensionsServed` condition: a note, never a failure (Ready does not depend on it).
public struct ExtensionReport: Sendable, Hashable {
    /// Objects whose kind the operator cannot use.
    public var unserved: [UnservedObject]
    /// Kinds the cluster serves that the operator's RBAC does not let it manage.
    public var forbidden: Set<ExtensionKind>

    public init(unserved: [UnservedObject] = [], forbidden: Set<ExtensionKind> = []) {
        self.unserved = unserved
        self.forbidden = forbidden
    }

    /// The condition's status, reason and message, such as False, `NotServed`, "not rendered:
    /// PrometheusRule orders-slo (monitoring.coreos.com/v1 is not served: install the Prometheus Operator)".
    var condition: (status: Bool, reason: String, message: String) {
        guard !unserved.isEmpty else { return (true, "Served", "every extension kind the spec asks for is served and managed") }
        let notServed = unserved.filter { !forbidden.contains($0.kind) }
        let notPermitted = unserved.filter { forbidden.contains($0.kind) }
        var parts: [String] = []
        for (provider, objects) in Dictionary(grouping: notServed, by: \.kind.provider).sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
            let apiVersions = Set(objects.map(\.kind.apiVersion)).sorted().joined(separator: ", ")
            parts.append("not rendered: \(Self.list(objects)) (\(apiVersions) is not served: install \(Self.product(provider)))")
        }
        if !notPermitted.isEmpty {
            let resources = Set(notPermitted.map { "\($0.kind.resource).\($0.kind.group)" }).sorted().joined(separator: ", ")
            parts.append("not applied: \(Self.list(notPermitted)) (the operator may not manage \(resources): apply Deploy/extensions)")
        }
        return (false, notServed.isEmpty ? "Forbidden" : "NotServed", parts.joined(separator: "; "))
    }

    private static func list(_ objects: [UnservedObject]) -> String {
        objects.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }.map { "\($0.kind.kind) \($0.name)" }.joined(separator: ", ")
    }

    private static func product(_ provider: ExtensionKind.Provider) -> String {
        switch provider {
        case .prometheusOperator: return "the Prometheus Operator"
        case .istio: return "Istio"
        }
    }
}
