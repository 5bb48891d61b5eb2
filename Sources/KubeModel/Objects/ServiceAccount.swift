/// `core/v1` ServiceAccount: a pod's identity towards the Kubernetes API.
public struct ServiceAccount: KubernetesObject, Hashable {
    public static let resourceType = ResourceType.serviceAccounts
    public var apiVersion = "v1"
    public var kind = "ServiceAccount"
    public var metadata: ObjectMeta
    public var imagePullSecrets: [LocalObjectReference]?
    /// Whether pods using this account get an API token mounted unless they say otherwise.
    public var automountServiceAccountToken: Bool?

    public init(metadata: ObjectMeta, automountServiceAccountToken: Bool? = nil) {
        self.metadata = metadata
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}
