import KubeModel

/// A Kubernetes resource quantity (`100m`, `1Gi`) as the CEL `quantity()` library sees it.
public struct CELQuantity: Sendable, Hashable {
    public let text: String
    /// The value in base units.
    public let value: Double

    /// Parses `text`; nil when it is not a quantity.
    public init?(_ text: String) {
        guard !text.isEmpty, let value = Quantity.parse(text) else { return nil }
        self.text = text
        self.value = value
    }

    init(value: Double) {
        self.value = value
        self.text = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
