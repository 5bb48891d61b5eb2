/// Any `Clock<Duration>` read as the time elapsed since this value was made: a monotonic
/// `Duration` that pure code (rate limiters, lease expiry) can store and compare without
/// knowing the clock's instant type. Tests pass a manual clock.
public struct ElapsedClock: Sendable {
    private let read: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    public init(_ clock: any Clock<Duration> = ContinuousClock()) {
        self.init(opening: clock)
    }

    private init<C: Clock<Duration>>(opening clock: C) {
        let start = clock.now
        read = { start.duration(to: clock.now) }
        sleeper = { deadline in try await clock.sleep(until: start.advanced(by: deadline), tolerance: nil) }
    }

    /// The time elapsed since this value was made.
    public var now: Duration { read() }

    /// Suspends until `now` reaches `deadline`; throws when the task is cancelled.
    public func sleep(until deadline: Duration) async throws { try await sleeper(deadline) }

    /// Suspends for `duration`; throws when the task is cancelled.
    public func sleep(for duration: Duration) async throws { try await sleeper(now + duration) }
}
