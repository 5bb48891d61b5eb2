import Synchronization

/// At most `limit` admission reviews at once across all routes; the rest are refused (429)
/// rather than queued, since the API server gives up on a webhook after its timeout anyway.
final class InFlightLimit: Sendable {
    let limit: Int
    private let count = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a slot, or returns false when all are taken.
    func acquire() -> Bool {
        if count.add(1, ordering: .relaxed).newValue <= limit { return true }
        count.subtract(1, ordering: .relaxed)
        return false
    }

    func release() { count.subtract(1, ordering: .relaxed) }
}
