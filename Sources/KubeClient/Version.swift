/// Namespace for the client's constants.
public enum KubeClient {
    /// Shipshape's version, sent in the User-Agent.
    public static let version = "0.1.0"
}
