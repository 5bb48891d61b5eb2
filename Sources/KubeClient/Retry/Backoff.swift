/// Exponential backoff with full jitter (a random delay between zero and the exponential
/// bound), honouring a server's Retry-After. A pure value: the random draw is passed in.
public struct Backoff: Sendable, Hashable {
    /// The bound of the first retry's delay; each retry doubles it.
    public var base: Duration
    /// The largest bound.
    public var cap: Duration
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// The longest Retry-After honoured.
    public var maxRetryAfter: Duration

    public init(base: Duration = .milliseconds(200), cap: Duration = .seconds(10), maxAttempts: Int = 5,
                maxRetryAfter: Duration = .seconds(60)) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.maxRetryAfter = maxRetryAfter
    }

    /// The delay before retry `retry` (0 for the first retry). `unitRandom` is a draw in
    /// [0, 1). A server's `retryAfter` is waited in full (up to `maxRetryAfter`).
    public func delay(retry: Int, retryAfter: Duration?, unitRandom: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxRetryAfter) }
        let exponent = min(max(retry, 0), 30)
        let bound = min(base * (1 << exponent), cap)
        let draw = min(max(unitRandom, 0), 1)
        return bound * draw
    }

    /// Whether attempt number `attempt` (1 for the first) may be followed by another.
    public func allowsRetry(after attempt: Int) -> Bool { attempt < maxAttempts }
}

/// When the client retries and how it waits: the backoff, a random source and a sleeper,
/// injectable so tests need no real sleeps.
public struct RetryPolicy: Sendable {
    public var backoff: Backoff
    /// A draw in [0, 1).
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(backoff: Backoff = Backoff(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.backoff = backoff
        self.random = random
        self.sleep = sleep
    }

    /// No retries at all.
    public static let never = RetryPolicy(backoff: Backoff(maxAttempts: 1))

    /// Whether a response status is worth another attempt of an idempotent request.
    public static func isRetryable(status: Int) -> Bool { [429, 500, 502, 503, 504].contains(status) }

    /// A Retry-After header in seconds (Kubernetes sends seconds); nil when absent or a date.
    public static func retryAfter(header: String?) -> Duration? {
        guard let header, let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
