import ShipshapeTesting
import Testing
@testable import OperatorRuntime

/// Waits one second per failure so far: easy to follow in tests.
struct LinearRateLimiter: RateLimiter {
    private var failures: [String: Int] = [:]
    mutating func when(_ key: String, now: Duration) -> Duration {
        failures[key, default: 0] += 1
        return .seconds(failures[key, default: 0])
    }
    mutating func forget(_ key: String) { failures[key] = nil }
    func failures(of key: String) -> Int { failures[key] ?? 0 }
}

@Suite struct WorkQueueTests {

    @Test func keysAreDeduplicated() async {
        let queue = WorkQueue<String>(rateLimiter: LinearRateLimiter())
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.snapshot.depth == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.snapshot == .init(adds: 3, retries: 0, depth: 0))
    }

    @Test func aKeyIsNeverProcessedTwiceAtOnce() async {
        let queue = WorkQueue<String>(rateLimiter: LinearRateLimiter())
        await queue.add("a")
        #expect(await queue.next() == "a")
        await queue.add("a")  // changed while being reconciled
        await queue.add("b")
        #expect(await queue.next() == "b")  // not "a": it is still in progress
        await queue.done("a")
        #expect(await queue.next() == "a")  // handed out again after done
    }

    @Test func userChangesAreNotStarvedByARelist() async {
        let queue = WorkQueue<Int>()
        for key in 0..<1000 { await queue.add(key, priority: .low) }
        await queue.add(5000)
        await queue.add(7, priority: .normal)  // a low key raised by a user's change
        #expect(await queue.next() == 5000)
        #expect(await queue.next() == 7)
        #expect(await queue.next() == 0)
        #expect(await queue.snapshot.depth == 998)
    }

    @Test func failuresBackOffPerKeyAndForgetResets() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock, rateLimiter: LinearRateLimiter())
        await queue.addRateLimited("a")
        await queue.addRateLimited("a")  // 2 s: the pending 1 s add stands (the earlier wins)
        #expect(await queue.failureCount("a") == 2)
        #expect(await clock.waitForSleepers(1))
        #expect(await queue.snapshot.depth == 0)
        clock.advance(by: .milliseconds(999))
        #expect(await queue.snapshot.depth == 0)
        clock.advance(by: .milliseconds(1))
        #expect(await queue.next() == "a")
        await queue.forget("a")
        #expect(await queue.failureCount("a") == 0)
        #expect(await queue.snapshot.retries == 2)
    }

    @Test func idleWorkersGetAKeyAsSoonAsOneIsAdded() async {
        let queue = WorkQueue<String>(rateLimiter: LinearRateLimiter())
        async let first = queue.next()
        var parked = false
        for _ in 0..<100_000 where !parked {
            parked = await queue.idleWorkerCount == 1
            await Task.yield()
        }
        #expect(parked)
        await queue.add("x")
        #expect(await first == "x")
    }

    @Test func shutDownReleasesWorkersAndDropsDelayedKeys() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock, rateLimiter: LinearRateLimiter())
        await queue.add("later", after: .seconds(10))
        #expect(await clock.waitForSleepers(1))
        await queue.add("now")
        #expect(await queue.next() == "now")
        await queue.shutDown()
        clock.advance(by: .seconds(60))
        #expect(await queue.next() == nil)
        await queue.add("ignored")
        #expect(await queue.snapshot.depth == 0)
    }

    @Test func theEarliestDelayWins() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(30))        // a requeue-after for a rollout
        #expect(await clock.waitForSleepers(1))
        await queue.add("a", after: .seconds(1))          // then a retry due sooner
        await queue.add("a", after: .seconds(60))         // and a later one, which changes nothing
        #expect(await queue.scheduledCount == 1)
        #expect(await clock.waitUntil { clock.nextDeadline?.offset == .seconds(1) })
        clock.advance(by: .seconds(1))
        #expect(await queue.next() == "a")
        await queue.done("a")
        // The superseded 30 s entry does not fire again.
        clock.advance(by: .seconds(60))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 0 && clock.sleeperCount == 0 })
        #expect(await queue.isIdle)
    }

    /// A recheck (a low delayed add) joins the back of the low queue: keys not yet reconciled
    /// (a relist's flood) go first, however short the recheck interval; a user's change still
    /// goes before both.
    @Test func aLowDelayedAddWaitsBehindPendingLowKeys() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("recheck", after: .seconds(30), priority: .low)
        #expect(await clock.waitForSleepers(1))
        for key in ["a", "b"] { await queue.add(key, priority: .low) }
        clock.advance(by: .seconds(30))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 3 })
        await queue.add("edit")
        var order: [String] = []
        for _ in 0..<4 {
            guard let key = await queue.next() else { break }
            order.append(key)
            await queue.done(key)
        }
        #expect(order == ["edit", "a", "b", "recheck"])
    }

    /// A failure's retry (normal) merged into a pending low recheck keeps the higher priority.
    @Test func aMergedDelayedAddKeepsTheHigherPriority() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: clock)
        await queue.add("a", after: .seconds(30), priority: .low)
        await queue.add("a", after: .seconds(1))
        await queue.add("waiting", priority: .low)
        #expect(await clock.waitUntil { clock.nextDeadline?.offset == .seconds(1) })
        clock.advance(by: .seconds(1))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 2 })
        #expect(await queue.next() == "a")
    }

    @Test func delayedAddsShareOneTimer() async {
        let clock = ManualClock()
        let queue = WorkQueue<Int>(clock: clock)
        for key in 0..<1000 { await queue.add(key, after: .milliseconds(1000 - key)) }
        #expect(await clock.waitForSleepers(1))
        #expect(clock.sleeperCount == 1)
        #expect(await queue.scheduledCount == 1000)
        clock.advance(by: .milliseconds(500))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 500 })
        #expect(await queue.next() == 999)   // due first, handed out first
        #expect(await clock.waitForSleepers(1))   // the one timer, re-armed for the next due key
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(500))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 999 })
        #expect(await queue.scheduledCount == 0)
    }

    @Test func retriesAreBoundedOverallByTheBucket() async {
        let clock = ManualClock()
        let queue = WorkQueue<Int>(clock: clock)   // the default: 5 ms..1000 s per key, 10 qps / 100 burst
        for key in 0..<300 { await queue.addRateLimited(key) }
        clock.advance(by: .milliseconds(5))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 100 })   // the burst
        clock.advance(by: .milliseconds(995))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 110 })   // then 10 a second
        #expect(await queue.snapshot.depth == 110)
        clock.advance(by: .seconds(19))
        #expect(await clock.waitUntil { await queue.snapshot.depth == 300 })
    }
}
