/// Kinds from outside Kubernetes that Shipshape renders only where the cluster serves them:
/// the Prometheus Operator's and Istio's.
public enum ExtensionKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case prometheusRule = "PrometheusRule"
    case serviceMonitor = "ServiceMonitor"
    case peerAuthentication = "PeerAuthentication"
    case authorizationPolicy = "AuthorizationPolicy"

    /// The project that serves the kind, as `render --with` names it.
    public enum Provider: String, Sendable, Hashable, CaseIterable {
        case prometheusOperator = "prometheus-operator"
        case istio

        public var kinds: [ExtensionKind] { ExtensionKind.allCases.filter { $0.provider == self } }
    }

    public var kind: String { rawValue }
    public var group: String {
        switch provider {
        case .prometheusOperator: return "monitoring.coreos.com"
        case .istio: return "security.istio.io"
        }
    }
    public var version: String { "v1" }
    public var apiVersion: String { "\(group)/\(version)" }
    /// The resource's plural name.
    public var resource: String {
        switch self {
        case .prometheusRule: return "prometheusrules"
        case .serviceMonitor: return "servicemonitors"
        case .peerAuthentication: return "peerauthentications"
        case .authorizationPolicy: return "authorizationpolicies"
        }
    }
    /// `prometheusrules.monitoring.coreos.com`: the name of the CRD that serves it.
    public var crdName: String { "\(resource).\(group)" }

    public var provider: Provider {
        switch self {
        case .prometheusRule, .serviceMonitor: return .prometheusOperator
        case .peerAuthentication, .authorizationPolicy: return .istio
        }
    }

    /// The kinds served according to API versions as `helm template --api-versions` takes them:
    /// `group/version` (every kind of it) or `group/version/Kind`.
    public static func served(byAPIVersions apiVersions: [String]) -> Set<ExtensionKind> {
        Set(allCases.filter { kind in
            apiVersions.contains(kind.apiVersion) || apiVersions.contains("\(kind.apiVersion)/\(kind.kind)")
        })
    }

    public static func < (lhs: ExtensionKind, rhs: ExtensionKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
