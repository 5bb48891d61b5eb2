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
        let draw = min(max(unitRandom, 0), 1)
        return bound(retry: retry) * draw
    }

    /// The exponential bound of retry `retry` (0 for the first): `base * 2^retry`, at most `cap`.
    /// Without jitter it is the delay itself, as per-key rate limiters use it.
    public func bound(retry: Int) -> Duration {
        let exponent = min(max(retry, 0), 62)
        var bound = base
        for _ in 0..<exponent {
            if bound >= cap { return cap }
            bound *= 2
        }
        return min(bound, cap)
    }

    /// Whether attempt number `attempt` (1 for the first) may be followed by another.
    public func allowsRetry(after attempt: Int) -> Bool { attempt < maxAttempts }
}

/// When the client retries and how it waits: two schedules, a random source and a sleeper,
/// injectable so tests need no real sleeps.
///
/// - The standard schedule: dropped connections and 500, 502, 504 answers of idempotent
///   requests (or of any request the server gave a Retry-After).
/// - The recovery schedule, short and separate: a server that is (re)starting or shedding load
///   answers 429 (`storage is (re)initializing`, priority and fairness), 503, and, for a
///   moment after it is back, 403 while its authorizer's caches fill. A 429 and such a 403 were
///   never processed, so any request is retried; a 403 only within `recoveryWindow` of the
///   last sign that the server was unavailable (otherwise it is a real denial).
///
/// A server's Retry-After is always waited in full (up to `Backoff.maxRetryAfter`). Retries
/// are logged at debug level only: the caller that finally gets the error reports it once.
public struct RetryPolicy: Sendable {
    public var backoff: Backoff
    public var recovery: Backoff
    /// How long after the server last looked unavailable a 403 is taken for a restart's.
    public var recoveryWindow: Duration
    /// A draw in [0, 1).
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(backoff: Backoff = Backoff(),
                recovery: Backoff = Backoff(base: .milliseconds(100), cap: .seconds(1), maxAttempts: 10),
                recoveryWindow: Duration = .seconds(30),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.backoff = backoff
        self.recovery = recovery
        self.recoveryWindow = recoveryWindow
        self.random = random
        self.sleep = sleep
    }

    /// No retries at all.
    public static let never = RetryPolicy(backoff: Backoff(maxAttempts: 1), recovery: Backoff(maxAttempts: 1))

    /// The schedules a failed request can be retried on.
    public enum Schedule: Sendable, Equatable {
        case standard, recovery
    }

    /// The schedule that retries an answer with `status`; nil when it must not be retried.
    /// - Parameters:
    ///   - hasRetryAfter: the server said when to try again.
    ///   - recentlyUnavailable: the server looked unavailable within the recovery window.
    public static func schedule(status: Int, idempotent: Bool, hasRetryAfter: Bool, recentlyUnavailable: Bool) -> Schedule? {
        switch status {
        case 429: return .recovery
        case 503: return idempotent || hasRetryAfter ? .recovery : nil
        case 403: return recentlyUnavailable ? .recovery : nil
        case 500, 502, 504: return idempotent || hasRetryAfter ? .standard : nil
        default: return nil
        }
    }

    /// Whether an answer says the server is (re)starting or overloaded.
    public static func signalsUnavailable(status: Int) -> Bool { [429, 502, 503, 504].contains(status) }

    /// A Retry-After header in seconds (Kubernetes sends seconds); nil when absent or a date.
    public static func retryAfter(header: String?) -> Duration? {
        guard let header, let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
