/// Exponential backoff with full jitter (a random delay between zero and the exponential
/// ceiling), which forgets earlier failures once things have been healthy for `resetAfter`.
/// Pure: the caller passes the time and a random number in 0..<1.
public struct RetryBackoff: Sendable {
    public var base: Duration
    public var cap: Duration
    /// A failure this long after the previous one starts again from `base`.
    public var resetAfter: Duration
    private var failures = 0
    private var lastFailure: ContinuousClock.Instant?

    public init(base: Duration = .milliseconds(800), cap: Duration = .seconds(30), resetAfter: Duration = .seconds(120)) {
        self.base = base
        self.cap = cap
        self.resetAfter = resetAfter
    }

    /// The delay before retrying after a failure at `now`.
    public mutating func delay(now: ContinuousClock.Instant, random: Double) -> Duration {
        if let lastFailure, now - lastFailure >= resetAfter { failures = 0 }
        lastFailure = now
        let ceiling = Self.ceiling(base: base, cap: cap, failures: failures)
        failures += 1
        return ceiling * min(max(random, 0), 1)
    }

    /// Forgets the failures (after a request that succeeded and stayed healthy).
    public mutating func reset() {
        failures = 0
        lastFailure = nil
    }

    /// `min(cap, base * 2^failures)`, without overflowing.
    static func ceiling(base: Duration, cap: Duration, failures: Int) -> Duration {
        var ceiling = base
        for _ in 0..<min(failures, 32) {
            ceiling *= 2
            if ceiling >= cap { return cap }
        }
        return min(ceiling, cap)
    }
}
