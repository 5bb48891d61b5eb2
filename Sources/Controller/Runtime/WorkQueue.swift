import DequeModule

/// The reconciler's queue of keys, with controller-runtime's guarantees:
/// - a key waiting in the queue is held once, however often it is added;
/// - a key is never handed to two workers at once: one added while it is being processed is
///   handed out again after `done`;
/// - failures back off per key (`addRateLimited`), and `forget` resets the count;
/// - `normal` adds (changes users make) are served before `low` ones (a relist's flood), so a
///   user's edit is never starved behind thousands of resync keys;
/// - after `shutDown`, `next()` returns nil once the queue is empty, and delayed adds are dropped.
///
/// Concurrency is bounded by the number of workers calling `next()`.
public actor WorkQueue<Key: Hashable & Sendable> {
    public enum Priority: Int, Sendable, Comparable {
        case low, normal
        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Counters for metrics (`workqueue_adds_total`, `workqueue_retries_total`, `workqueue_depth`).
    public struct Counters: Sendable, Equatable {
        public var adds = 0
        public var retries = 0
        public var depth = 0
    }

    private var normalQueue = Deque<Key>()
    private var lowQueue = Deque<Key>()
    /// Keys waiting in a queue, with the priority they wait at (lazy removal from `lowQueue`).
    private var waiting: [Key: Priority] = [:]
    private var processing: Set<Key> = []
    /// Keys added while being processed, re-queued on `done`.
    private var dirty: [Key: Priority] = [:]
    private var failures: [Key: Int] = [:]
    private var delayed: [Key: Task<Void, Never>] = [:]
    private var workers: [CheckedContinuation<Key?, Never>] = []
    private var shuttingDown = false
    private var paused = false
    private var counters = Counters()

    private let clock: any Clock<Duration>
    private let backoff: @Sendable (_ failures: Int) -> Duration

    /// - Parameters:
    ///   - clock: the clock delayed adds wait on (a test clock in tests).
    ///   - backoff: the delay before retry number `failures` (1 for the first retry).
    public init(clock: any Clock<Duration> = ContinuousClock(),
                backoff: @escaping @Sendable (_ failures: Int) -> Duration) {
        self.clock = clock
        self.backoff = backoff
    }

    /// Queues `key`, or raises the priority it already waits at.
    public func add(_ key: Key, priority: Priority = .normal) {
        guard !shuttingDown else { return }
        counters.adds += 1
        enqueue(key, priority: priority)
    }

    private func enqueue(_ key: Key, priority: Priority) {
        guard !shuttingDown else { return }
        if processing.contains(key) {
            dirty[key] = max(dirty[key] ?? priority, priority)
            return
        }
        if let current = waiting[key] {
            guard priority > current else { return }
            waiting[key] = priority
            normalQueue.append(key)
            return
        }
        if let worker = workers.first {
            workers.removeFirst()
            processing.insert(key)
            worker.resume(returning: key)
            return
        }
        waiting[key] = priority
        if priority == .normal { normalQueue.append(key) } else { lowQueue.append(key) }
    }

    /// Queues `key` after `delay` (a "requeue after"); an earlier pending delayed add is kept.
    public func add(_ key: Key, after delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(key) }
        guard delayed[key] == nil else { return }
        let clock = self.clock
        delayed[key] = Task { [weak self] in
            do { try await clock.sleep(for: delay) } catch { return }
            await self?.fireDelayed(key)
        }
    }

    /// Queues `key` after its per-key backoff, counting a failure.
    public func addRateLimited(_ key: Key) {
        let count = (failures[key] ?? 0) + 1
        failures[key] = count
        counters.retries += 1
        add(key, after: backoff(count))
    }

    /// Forgets `key`'s failures (after a successful reconcile).
    public func forget(_ key: Key) { failures[key] = nil }

    /// How many times `key` has failed since it was last forgotten.
    public func failureCount(_ key: Key) -> Int { failures[key] ?? 0 }

    /// The next key to process; suspends until one is ready. Nil once shut down and drained,
    /// and at once while paused.
    public func next() async -> Key? {
        if paused { return nil }
        if let key = popWaiting() {
            processing.insert(key)
            return key
        }
        if shuttingDown { return nil }
        return await withCheckedContinuation { workers.append($0) }
    }

    /// Marks `key` processed; re-queues it if it was added meanwhile.
    public func done(_ key: Key) {
        processing.remove(key)
        if let priority = dirty.removeValue(forKey: key) { enqueue(key, priority: priority) }
    }

    /// Stops handing out keys (a replica that lost leadership): parked workers get nil, and
    /// `next()` returns nil until `resume()`. Keys keep being queued meanwhile.
    public func pause() {
        paused = true
        for worker in workers { worker.resume(returning: nil) }
        workers.removeAll()
    }

    /// Hands out keys again after `pause()`.
    public func resume() { paused = false }

    /// Stops accepting keys, cancels delayed adds, and releases idle workers with nil.
    public func shutDown() {
        shuttingDown = true
        for task in delayed.values { task.cancel() }
        delayed.removeAll()
        guard waiting.isEmpty else { return }
        for worker in workers { worker.resume(returning: nil) }
        workers.removeAll()
    }

    /// True when nothing waits, runs or is scheduled.
    public var isIdle: Bool { waiting.isEmpty && processing.isEmpty && delayed.isEmpty }

    /// True while a key waits or is being processed (delayed adds aside).
    public var hasWork: Bool { !waiting.isEmpty || !processing.isEmpty }

    /// Workers parked in `next()` waiting for a key.
    public var idleWorkerCount: Int { workers.count }

    /// The counters, with the current depth.
    public var snapshot: Counters {
        var result = counters
        result.depth = waiting.count
        return result
    }

    private func fireDelayed(_ key: Key) {
        delayed[key] = nil
        add(key)
    }

    private func popWaiting() -> Key? {
        while let key = normalQueue.popFirst() {
            if waiting[key] == .normal { waiting[key] = nil; return key }
        }
        while let key = lowQueue.popFirst() {
            if waiting[key] == .low { waiting[key] = nil; return key }
        }
        return nil
    }
}
