/// When a key that failed may be processed again, as client-go's workqueue rate limiters
/// decide it. Pure values owned by a `WorkQueue`: time is passed in (elapsed since the queue
/// started), so tests drive them with a manual clock.
public protocol RateLimiter<Key>: Sendable {
    associatedtype Key: Hashable & Sendable
    /// Counts a failure of `key` at `now`; returns how long to wait before retrying it.
    mutating func when(_ key: Key, now: Duration) -> Duration
    /// Forgets `key`'s failures (it was processed successfully).
    mutating func forget(_ key: Key)
    /// The failures counted for `key` since it was last forgotten.
    func failures(of key: Key) -> Int
}

/// The longest wait of several rate limiters (client-go's MaxOfRateLimiter): every limiter
/// counts every failure, so per-key backoff and an overall bucket hold at once.
public struct MaxOfRateLimiter<Key: Hashable & Sendable>: RateLimiter {
    private var limiters: [any RateLimiter<Key>]

    public init(_ limiters: any RateLimiter<Key>...) { self.limiters = limiters }

    public mutating func when(_ key: Key, now: Duration) -> Duration {
        var longest = Duration.zero
        for index in limiters.indices { longest = max(longest, limiters[index].when(key, now: now)) }
        return longest
    }

    public mutating func forget(_ key: Key) {
        for index in limiters.indices { limiters[index].forget(key) }
    }

    public func failures(of key: Key) -> Int { limiters.map { $0.failures(of: key) }.max() ?? 0 }

    /// controller-runtime's default: per-key exponential backoff from 5 ms to 1000 s, and an
    /// overall token bucket of 10 retries a second with a burst of 100; the longer wait wins.
    public static func controllerDefault() -> Self {
        MaxOfRateLimiter(ItemExponentialRateLimiter(), TokenBucketRateLimiter())
    }
}
