import Logging
import ServiceLifecycle
import Synchronization

/// Runs `workers` reconcilers over the work queue while this replica leads and the cache has
/// synced. Losing leadership cancels in-flight reconciles at once and waits for them to end,
/// then waits to lead again: the elector gives up leading `leaseDuration - renewDeadline`
/// (5 s by default) before any other replica may take the Lease, so two replicas never write
/// at once. (controller-runtime exits the process instead; a replica here stays a warm standby.)
/// Graceful shutdown stops taking work and gives in-flight reconciles `shutdownTimeout` before
/// cancelling them.
public final class Controller: ServiceLifecycle.Service, Sendable {
    public struct Settings: Sendable {
        /// The controller's name in its log lines (`controller` metadata).
        public var name: String
        /// Reconciles running at once.
        public var workers: Int
        /// How long in-flight reconciles get to finish on graceful shutdown.
        public var shutdownTimeout: Duration
        public init(name: String = "controller", workers: Int = 4, shutdownTimeout: Duration = .seconds(25)) {
            self.name = name
            self.workers = workers
            self.shutdownTimeout = shutdownTimeout
        }
    }

    public let queue: WorkQueue<ObjectKey>
    private let reconciler: any Reconciler
    private let leadership: Leadership
    private let isSynced: @Sendable () -> Bool
    /// Every key the cache knows, queued at low priority on taking over.
    private let allKeys: @Sendable () -> [ObjectKey]
    private let settings: Settings
    private let metrics: any ControllerMetrics
    private let clock: any Clock<Duration>
    private let logger: Logger

    public init(queue: WorkQueue<ObjectKey>, reconciler: any Reconciler, leadership: Leadership, isSynced: @escaping @Sendable () -> Bool,
                allKeys: @escaping @Sendable () -> [ObjectKey], settings: Settings = Settings(), metrics: any ControllerMetrics = DiscardedControllerMetrics(),
                clock: any Clock<Duration> = ContinuousClock(), logger: Logger) {
        self.queue = queue
        self.reconciler = reconciler
        self.leadership = leadership
        self.isSynced = isSynced
        self.allKeys = allKeys
        self.settings = settings
        self.metrics = metrics
        self.clock = clock
        var logger = logger
        logger[metadataKey: "controller"] = "\(settings.name)"
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
        await withTaskGroup(of: TermEnd.self) { group in
            for _ in 0..<settings.workers {
                group.addTask { await self.work(); return .finished }
            }
            group.addTask {
                await self.waitForStop()
                await self.queue.pause()
                guard Task.isShuttingDownGracefully else {
                    // Lost the lease: another replica may start soon; stop writing now.
                    return Task.isCancelled ? .finished : .leadershipLost
                }
                do { try await self.clock.sleep(for: self.settings.shutdownTimeout) } catch { return .finished }
                return .deadlinePassed
            }
            var running = settings.workers + 1
            while let finished = await group.next() {
                running -= 1
                switch finished {
                case .deadlinePassed:
                    logger.warning("in-flight reconciles did not finish within \(settings.shutdownTimeout); cancelling them")
                    group.cancelAll()
                case .leadershipLost:
                    logger.warning("lost leadership: cancelling in-flight reconciles")
                    group.cancelAll()
                case .finished where running == 1 && (Task.isShuttingDownGracefully || !leadership.isLeading):
                    group.cancelAll()   // every worker is done: stop waiting for the deadline
                case .finished:
                    break
                }
            }
        }
        logger.info("stopped reconciling")
    }

    /// How a task of a term as leader ended.
    private enum TermEnd {
        case finished, leadershipLost, deadlinePassed
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
        var sinceTrim = 0
        while let key = await queue.next() {
            await process(key)
            metrics.queueDepth(await queue.snapshot.depth)
            sinceTrim += 1
            if sinceTrim >= HeapTrim.reconcilesBetweenTrims, await !queue.hasWork {
                HeapTrim.release()
                sinceTrim = 0
            }
        }
    }

    private func process(_ key: ObjectKey) async {
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
            case .requeue(let delay) where delay > .zero:
                metrics.reconciled(.requeueAfter, duration: .now - started)
                // A recheck, not a change: behind changes and keys not yet reconciled, so a
                // recheck interval shorter than a full pass cannot starve the initial sync.
                await queue.add(key, after: delay, priority: .low)
            case .requeue:
                metrics.reconciled(.requeueAfter, duration: .now - started)
                await queue.addRateLimited(key)
            }
        } catch let error as ControllerError where error.isTerminal {
            await queue.forget(key)
            metrics.reconciled(.error, duration: .now - started)
            logger.error("reconcile failed, not retrying: \(error)")
        } catch {
            metrics.reconciled(.error, duration: .now - started)
            if Task.isCancelled {
                // Leadership lost or shutdown: the key is reconciled by whoever leads next.
                logger.info("reconcile cancelled: \(error)")
            } else {
                metrics.queued(retry: true)
                await queue.addRateLimited(key, notBefore: (error as? ControllerError)?.retryAfter)
                logger.warning("reconcile failed, retrying with backoff: \(error)")
            }
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
