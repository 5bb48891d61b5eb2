/// Shipshape's version: what `shipshape --version` prints and the client sends in its User-Agent.
public enum ShipshapeVersion {
    public static let current = "0.1.0"
}
