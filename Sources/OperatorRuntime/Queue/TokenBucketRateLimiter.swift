/// An overall limit on retries, whatever the key: a bucket of `burst` tokens refilled at `qps`
/// a second; a retry takes a token, waiting for it when the bucket is empty (client-go's
/// BucketRateLimiter over golang.org/x/time/rate; defaults 10 qps and a burst of 100).
public struct TokenBucketRateLimiter<Key: Hashable & Sendable>: RateLimiter {
    public let qps: Double
    public let burst: Int
    /// Tokens at `updated`; negative when retries are already booked ahead.
    private var tokens: Double
    private var updated: Duration = .zero

    public init(qps: Double = 10, burst: Int = 100) {
        self.qps = max(qps, .leastNonzeroMagnitude)
        self.burst = max(burst, 1)
        tokens = Double(self.burst)
    }

    public mutating func when(_ key: Key, now: Duration) -> Duration {
        if now > updated {
            tokens = min(Double(burst), tokens + Self.seconds(now - updated) * qps)
            updated = now
        }
        tokens -= 1
        guard tokens < 0 else { return .zero }
        return .nanoseconds(Int64((-tokens / qps * 1e9).rounded()))
    }

    /// The bucket does not track keys.
    public mutating func forget(_ key: Key) {}

    public func failures(of key: Key) -> Int { 0 }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
