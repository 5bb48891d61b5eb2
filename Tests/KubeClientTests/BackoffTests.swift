import Testing
@testable import KubeClient

@Suite struct BackoffTests {
    let backoff = Backoff(base: .milliseconds(100), cap: .seconds(1), maxAttempts: 4, maxRetryAfter: .seconds(30))

    @Test func fullJitterStaysUnderTheDoublingBoundAndTheCap() {
        #expect(backoff.delay(retry: 0, retryAfter: nil, unitRandom: 0) == .zero)
        #expect(backoff.delay(retry: 0, retryAfter: nil, unitRandom: 0.5) == .milliseconds(50))
        #expect(backoff.delay(retry: 2, retryAfter: nil, unitRandom: 0.5) == .milliseconds(200))
        #expect(backoff.delay(retry: 3, retryAfter: nil, unitRandom: 1) == .milliseconds(800))
        #expect(backoff.delay(retry: 10, retryAfter: nil, unitRandom: 1) == .seconds(1))
        #expect(backoff.delay(retry: 80, retryAfter: nil, unitRandom: 0.25) == .milliseconds(250))
    }

    @Test("the bound without jitter doubles from the base up to the cap, however many retries")
    func boundDoublesToTheCap() {
        let perKey = Backoff(base: .milliseconds(5), cap: .seconds(1000))
        #expect((0..<4).map { perKey.bound(retry: $0) } == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40)])
        #expect(perKey.bound(retry: 1_000_000) == .seconds(1000))
        #expect(perKey.bound(retry: -1) == .milliseconds(5))
    }

    @Test func retryAfterIsHonouredUpToItsCap() {
        #expect(backoff.delay(retry: 0, retryAfter: .seconds(7), unitRandom: 0) == .seconds(7))
        #expect(backoff.delay(retry: 0, retryAfter: .seconds(300), unitRandom: 0) == .seconds(30))
        #expect(RetryPolicy.retryAfter(header: " 3 ") == .seconds(3))
        #expect(RetryPolicy.retryAfter(header: "Wed, 21 Oct 2015 07:28:00 GMT") == nil)
    }

    @Test func attemptsAreBoundedAndOnlyTransientStatusesRetry() {
        #expect(backoff.allowsRetry(after: 3))
        #expect(!backoff.allowsRetry(after: 4))
    }

    @Test func aRestartingServersAnswersRetryOnTheRecoverySchedule() {
        func schedule(_ status: Int, idempotent: Bool = true, retryAfter: Bool = false, unavailable: Bool = false) -> RetryPolicy.Schedule? {
            RetryPolicy.schedule(status: status, idempotent: idempotent, hasRetryAfter: retryAfter, recentlyUnavailable: unavailable)
        }
        #expect(schedule(429) == .recovery)
        #expect(schedule(429, idempotent: false) == .recovery, "a 429 was never processed")
        #expect(schedule(503) == .recovery)
        #expect(schedule(503, idempotent: false) == nil)
        #expect(schedule(503, idempotent: false, retryAfter: true) == .recovery)
        #expect(schedule(403) == nil, "a denial")
        #expect(schedule(403, idempotent: false, unavailable: true) == .recovery, "a restarting authorizer")
        #expect(schedule(500) == .standard)
        #expect(schedule(500, idempotent: false) == nil)
        #expect(schedule(409) == nil)
        #expect(schedule(501) == nil)
        #expect(RetryPolicy.signalsUnavailable(status: 503))
        #expect(!RetryPolicy.signalsUnavailable(status: 403))
    }
}
