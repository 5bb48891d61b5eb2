import KubeModel
import Render

/// The kinds of object a Microservice materializes, all watched with the managed-by selector:
/// the core kinds always, the extension kinds (Prometheus Operator, Istio) only while the
/// cluster serves them (`ExtensionWatch`).
public enum ChildKind: String, Sendable, CaseIterable, Hashable {
    case serviceAccount = "ServiceAccount"
    case service = "Service"
    case deployment = "Deployment"
    case horizontalPodAutoscaler = "HorizontalPodAutoscaler"
    case podDisruptionBudget = "PodDisruptionBudget"
    case networkPolicy = "NetworkPolicy"
    case prometheusRule = "PrometheusRule"
    case serviceMonitor = "ServiceMonitor"
    case peerAuthentication = "PeerAuthentication"
    case authorizationPolicy = "AuthorizationPolicy"

    /// The kinds every Kubernetes cluster serves, watched from the start.
    public static let core: [ChildKind] = allCases.filter { $0.extensionKind == nil }

    public init(_ kind: ExtensionKind) {
        switch kind {
        case .prometheusRule: self = .prometheusRule
        case .serviceMonitor: self = .serviceMonitor
        case .peerAuthentication: self = .peerAuthentication
        case .authorizationPolicy: self = .authorizationPolicy
        }
    }

    /// The extension kind this is, nil for a core kind.
    public var extensionKind: ExtensionKind? { ExtensionKind(rawValue: rawValue) }

    public var resource: ResourceType {
        switch self {
        case .serviceAccount: return .serviceAccounts
        case .service: return .services
        case .deployment: return .deployments
        case .horizontalPodAutoscaler: return .horizontalPodAutoscalers
        case .podDisruptionBudget: return .podDisruptionBudgets
        case .networkPolicy: return .networkPolicies
        case .prometheusRule: return ExtensionKind.prometheusRule.resourceType
        case .serviceMonitor: return ExtensionKind.serviceMonitor.resourceType
        case .peerAuthentication: return ExtensionKind.peerAuthentication.resourceType
        case .authorizationPolicy: return ExtensionKind.authorizationPolicy.resourceType
        }
    }

    /// The label every child carries, and the selector its informers use.
    public static let managedBySelector = "app.kubernetes.io/managed-by=shipshape"
}
