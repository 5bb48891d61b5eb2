import Testing
@testable import Controller

@Suite struct WorkQueueTests {
    static func linearBackoff(_ failures: Int) -> Duration { .seconds(failures) }

    @Test func keysAreDeduplicated() async {
        let queue = WorkQueue<String>(backoff: Self.linearBackoff)
        await queue.add("a")
        await queue.add("a")
        await queue.add("b")
        #expect(await queue.snapshot.depth == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.snapshot == .init(adds: 3, retries: 0, depth: 0))
    }

    @Test func aKeyIsNeverProcessedTwiceAtOnce() async {
        let queue = WorkQueue<String>(backoff: Self.linearBackoff)
        await queue.add("a")
        #expect(await queue.next() == "a")
        await queue.add("a")  // changed while being reconciled
        await queue.add("b")
        #expect(await queue.next() == "b")  // not "a": it is still in progress
        await queue.done("a")
        #expect(await queue.next() == "a")  // handed out again after done
    }

    @Test func userChangesAreNotStarvedByARelist() async {
        let queue = WorkQueue<Int>(backoff: Self.linearBackoff)
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
        let queue = WorkQueue<String>(clock: clock, backoff: Self.linearBackoff)
        await queue.addRateLimited("a")
        await queue.addRateLimited("a")  // still pending: the earlier delayed add stands
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
        let queue = WorkQueue<String>(backoff: Self.linearBackoff)
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
        let queue = WorkQueue<String>(clock: clock, backoff: Self.linearBackoff)
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
}
