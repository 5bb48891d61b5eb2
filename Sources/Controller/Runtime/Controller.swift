import Logging
import ServiceLifecycle
import Synchronization

/// Runs `workers` reconcilers over the work queue while this replica leads and the cache has
/// synced. Losing leadership stops taking work (in-flight reconciles finish) and waits to lead
/// again. Graceful shutdown stops taking work and gives in-flight reconciles `shutdownTimeout`
/// before cancelling them.
public final class Controller: ServiceLifecycle.Service, Sendable {
    public struct Settings: Sendable {
        public var name: String
        public var workers: Int
        public var shutdownTimeout: Duration
        public init(name: String = "microservice", workers: Int = 4, shutdownTimeout: Duration = .seconds(25)) {
            self.name = name
            self.workers = workers
            self.shutdownTimeout = shutdownTimeout
        }
    }

    public let queue: WorkQueue<String>
    private let reconciler: any Reconciler
    private let leadership: Leadership
    private let isSynced: @Sendable () -> Bool
    /// Every key the cache knows, queued at low priority on taking over.
    private let allKeys: @Sendable () -> [String]
    private let settings: Settings
    private let metrics: OperatorMetrics
    private let clock: any Clock<Duration>
    private let logger: Logger

    public init(queue: WorkQueue<String>, reconciler: any Reconciler, leadership: Leadership, isSynced: @escaping @Sendable () -> Bool,
                allKeys: @escaping @Sendable () -> [String], settings: Settings = Settings(), metrics: OperatorMetrics,
                clock: any Clock<Duration> = ContinuousClock(), logger: Logger) {
        self.queue = queue
        self.reconciler = reconciler
        self.leadership = leadership
        self.isSynced = isSynced
        self.allKeys = allKeys
        self.settings = settings
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        for await leading in leadership.changes().cancelOnGracefulShutdown() where leading {
            await lead()
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
        }
        await queue.shutDown()
    }

    /// One term as leader: waits for the cache, then works until leadership is lost or shutdown.
    private func lead() async {
        while !isSynced() {
            do { try await cancelWhenGracefulShutdown { [clock] in try await clock.sleep(for: .milliseconds(100)) } } catch { return }
            if !leadership.isLeading || Task.isShuttingDownGracefully { return }
        }
        logger.info("leading with synced caches: reconciling with \(settings.workers) workers")
        await queue.resume()
        for key in allKeys() { await queue.add(key, priority: .low) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<settings.workers {
                group.addTask { await self.work(); return true }
            }
            group.addTask {
                await self.waitForStop()
                await self.queue.pause()
                guard Task.isShuttingDownGracefully else { return true }
                do { try await self.clock.sleep(for: self.settings.shutdownTimeout) } catch { return true }
                return false
            }
            var running = settings.workers + 1
            while let finished = await group.next() {
                running -= 1
                if !finished {
                    logger.warning("in-flight reconciles did not finish within \(settings.shutdownTimeout); cancelling them")
                    group.cancelAll()
                } else if running == 1, Task.isShuttingDownGracefully || !leadership.isLeading {
                    group.cancelAll()   // every worker is done: stop waiting for the deadline
                }
            }
        }
        logger.info("stopped reconciling")
    }

    /// Returns when leadership is lost or graceful shutdown begins.
    private func waitForStop() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await leading in self.leadership.changes() where !leading { return } }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
    }

    private func work() async {
        while let key = await queue.next() {
            await process(key)
            metrics.queueDepth(await queue.snapshot.depth)
        }
    }

    private func process(_ key: String) async {
        var logger = self.logger
        logger[metadataKey: "object"] = "\(key)"
        logger[metadataKey: "reconcileID"] = "\(ReconcileID.make())"
        let started = ContinuousClock.now
        do {
            let action = try await reconciler.reconcile(key, logger: logger)
            await queue.forget(key)
            switch action {
            case .done:
                metrics.reconciled(.success, duration: .now - started)
            case .requeue(let delay):
                metrics.reconciled(.requeueAfter, duration: .now - started)
                await queue.add(key, after: delay)
            }
        } catch let error as ControllerError where error.isTerminal {
            await queue.forget(key)
            metrics.reconciled(.error, duration: .now - started)
            logger.error("reconcile failed, not retrying: \(error)")
        } catch {
            metrics.reconciled(.error, duration: .now - started)
            metrics.queued(retry: true)
            await queue.addRateLimited(key)
            logger.warning("reconcile failed, retrying with backoff: \(error)")
        }
        await queue.done(key)
    }
}

/// Short random ids that tie a reconcile's log lines together.
enum ReconcileID {
    static func make() -> String {
        let digits = String(UInt64.random(in: 0..<(1 << 48)), radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }
}
