/// metav1.ListMeta: the list's resourceVersion (to start a watch from) and the continue token
/// of the next page.
public struct ListMeta: Codable, Sendable, Hashable {
    public var resourceVersion: String?
    /// The token for the next page; nil or empty on the last page.
    public var continueToken: String?
    public var remainingItemCount: Int?

    public init(resourceVersion: String? = nil, continueToken: String? = nil, remainingItemCount: Int? = nil) {
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }

    enum CodingKeys: String, CodingKey {
        case resourceVersion
        case continueToken = "continue"
        case remainingItemCount
    }
}
