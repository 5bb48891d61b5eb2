import Testing
@testable import OperatorRuntime

@Suite struct RateLimiterTests {
    @Test func perKeyBackoffDoublesFromFiveMillisecondsToItsCap() {
        var limiter = ItemExponentialRateLimiter<String>()
        let delays = (0..<4).map { _ in limiter.when("a", now: .zero) }
        #expect(delays == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40)])
        #expect(limiter.when("b", now: .zero) == .milliseconds(5))   // per key
        for _ in 0..<40 { _ = limiter.when("a", now: .zero) }
        #expect(limiter.when("a", now: .zero) == .seconds(1000))
        #expect(limiter.failures(of: "a") == 45)
        limiter.forget("a")
        #expect(limiter.failures(of: "a") == 0)
        #expect(limiter.when("a", now: .zero) == .milliseconds(5))
    }

    @Test func theBucketAllowsABurstThenItsRate() {
        var bucket = TokenBucketRateLimiter<Int>(qps: 10, burst: 3)
        #expect((0..<3).map { bucket.when($0, now: .zero) } == [.zero, .zero, .zero])
        #expect(bucket.when(3, now: .zero) == .milliseconds(100))
        #expect(bucket.when(4, now: .zero) == .milliseconds(200))   // booked behind the one before
        #expect(bucket.when(5, now: .seconds(1)) == .zero)          // refilled meanwhile
        #expect(bucket.when(6, now: .seconds(10)) == .zero)
        #expect((0..<3).map { bucket.when($0, now: .seconds(10)) }.last == .milliseconds(100))   // never above the burst
    }

    @Test func theLongestWaitWins() {
        var limiter = MaxOfRateLimiter<Int>(ItemExponentialRateLimiter(base: .seconds(1), cap: .seconds(8)),
                                            TokenBucketRateLimiter(qps: 1, burst: 1))
        #expect(limiter.when(1, now: .zero) == .seconds(1))   // per key
        #expect(limiter.when(2, now: .zero) == .seconds(1))   // bucket: the second token in 1 s
        #expect(limiter.when(1, now: .zero) == .seconds(2))
        #expect(limiter.when(3, now: .zero) == .seconds(3))   // the bucket: the fourth token in 3 s
        #expect(limiter.failures(of: 1) == 2)
        limiter.forget(1)
        #expect(limiter.failures(of: 1) == 0)
    }
}
