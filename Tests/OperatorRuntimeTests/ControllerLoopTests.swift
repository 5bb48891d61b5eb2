import Logging
import ServiceLifecycle
import ShipshapeTesting
import Synchronization
import Testing
@testable import OperatorRuntime

/// A reconciler that counts its calls and either fails every time or waits until cancelled.
final class ScriptedReconciler: Reconciler {
    enum Behaviour { case fail, block }
    let behaviour: Behaviour
    let calls = Mutex(0)
    let cancelled = Mutex(0)

    init(_ behaviour: Behaviour) { self.behaviour = behaviour }

    struct Failure: Error {}

    func reconcile(_ key: ObjectKey, logger: Logger) async throws -> ReconcileAction {
        calls.withLock { $0 += 1 }
        switch behaviour {
        case .fail:
            throw ControllerError.request(object: "\(key)", operation: "reconcile", cause: Failure())
        case .block:
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancelled.withLock { $0 += 1 }
                throw error
            }
            return .done
        }
    }
}

@Suite struct ControllerLoopTests {
    func run(_ controller: Controller, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [controller], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("losing the lease cancels in-flight reconciles at once, before anyone else may lead")
    func leaseLossCancelsReconciles() async throws {
        let reconciler = ScriptedReconciler(.block)
        let leadership = Leadership(leading: true)
        let queue = WorkQueue<ObjectKey>()
        let controller = Controller(queue: queue, reconciler: reconciler, leadership: leadership, isSynced: { true },
                                    allKeys: { [ObjectKey(namespace: "shop", name: "a"), ObjectKey(namespace: "shop", name: "b")] }, settings: .init(workers: 2, shutdownTimeout: .seconds(60)),
                                    logger: Logger(label: "test"))
        let clock = ManualClock()
        try await run(controller) {
            #expect(await clock.waitUntil { reconciler.calls.withLock { $0 } == 2 })
            leadership.set(false)
            #expect(await clock.waitUntil { reconciler.cancelled.withLock { $0 } == 2 })
            #expect(await clock.waitUntil { await !queue.hasWork })
        }
    }

    @Test("graceful shutdown gives in-flight reconciles the shutdown timeout, then cancels them")
    func shutdownDeadlineCancelsStragglers() async throws {
        let reconciler = ScriptedReconciler(.block)
        let clock = ManualClock()
        let queue = WorkQueue<ObjectKey>()
        let controller = Controller(queue: queue, reconciler: reconciler, leadership: Leadership(leading: true), isSynced: { true },
                                    allKeys: { [ObjectKey(namespace: "shop", name: "a"), ObjectKey(namespace: "shop", name: "b")] }, settings: .init(workers: 2, shutdownTimeout: .seconds(25)),
                                    clock: clock, logger: Logger(label: "test"))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [controller], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await clock.waitUntil { reconciler.calls.withLock { $0 } == 2 })
            await group.triggerGracefulShutdown()
            #expect(await clock.waitForSleepers(1))   // the shutdown deadline
            clock.advance(by: .seconds(24))
            for _ in 0..<1000 { await Task.yield() }
            #expect(reconciler.cancelled.withLock { $0 } == 0)   // still within the deadline
            clock.advance(by: .seconds(1))
            #expect(await clock.waitUntil { reconciler.cancelled.withLock { $0 } == 2 })
            try await tasks.waitForAll()   // the controller stops once its reconciles have ended
        }
        #expect(await !queue.hasWork)
    }

    @Test("a reconcile that always fails cannot loop faster than the rate limiter allows")
    func failuresAreRateLimited() async throws {
        let reconciler = ScriptedReconciler(.fail)
        let clock = ManualClock()
        let keys = (0..<300).map { ObjectKey(namespace: "shop", name: "s\($0)") }
        let queue = WorkQueue<ObjectKey>(clock: clock)   // per key 5 ms doubling; overall 10 qps, burst 100
        let controller = Controller(queue: queue, reconciler: reconciler, leadership: Leadership(leading: true), isSynced: { true },
                                    allKeys: { keys }, logger: Logger(label: "test"))
        try await run(controller) {
            // Every key is tried once, fails, and waits for the rate limiter.
            #expect(await clock.waitUntil {
                let scheduled = await queue.scheduledCount
                let busy = await queue.hasWork
                return scheduled == 300 && !busy
            })
            #expect(reconciler.calls.withLock { $0 } == 300)
            for _ in 0..<10 {
                clock.advance(by: .milliseconds(100))
                // Settled: the due keys were retried and the timer waits for a later one.
                #expect(await clock.waitUntil {
                    let busy = await queue.hasWork
                    return !busy && clock.nextDeadline.map { $0 > clock.now } == true
                })
            }
            // One simulated second: the burst of 100 retries, then 10 more; not 300, not thousands.
            let calls = reconciler.calls.withLock { $0 } - 300
            #expect(calls <= 110)
            #expect(calls >= 100)
        }
    }
}
