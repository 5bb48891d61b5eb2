import KubeModel

/// The kinds of object a Microservice materializes, all watched with the managed-by selector.
public enum ChildKind: String, Sendable, CaseIterable, Hashable {
    case serviceAccount = "ServiceAccount"
    case service = "Service"
    case deployment = "Deployment"
    case horizontalPodAutoscaler = "HorizontalPodAutoscaler"
    case podDisruptionBudget = "PodDisruptionBudget"
    case networkPolicy = "NetworkPolicy"

    public var resource: ResourceType {
        switch self {
        case .serviceAccount: return .serviceAccounts
        case .service: return .services
        case .deployment: return .deployments
        case .horizontalPodAutoscaler: return .horizontalPodAutoscalers
        case .podDisruptionBudget: return .podDisruptionBudgets
        case .networkPolicy: return .networkPolicies
        }
    }

    /// The label every child carries, and the selector its informers use.
    public static let managedBySelector = "app.kubernetes.io/managed-by=shipshape"
}
