import KubeClient

/// Per-key exponential backoff: `base * 2^(failures - 1)`, at most `cap` (client-go's
/// ItemExponentialFailureRateLimiter; defaults 5 ms and 1000 s, as controller-runtime's).
public struct ItemExponentialRateLimiter<Key: Hashable & Sendable>: RateLimiter {
    public var base: Duration
    public var cap: Duration
    private var failures: [Key: Int] = [:]

    public init(base: Duration = .milliseconds(5), cap: Duration = .seconds(1000)) {
        self.base = base
        self.cap = cap
    }

    public mutating func when(_ key: Key, now: Duration) -> Duration {
        let count = failures[key, default: 0]
        failures[key] = count + 1
        return Backoff(base: base, cap: cap).bound(retry: count)
    }

    public mutating func forget(_ key: Key) { failures[key] = nil }

    public func failures(of key: Key) -> Int { failures[key] ?? 0 }
}
