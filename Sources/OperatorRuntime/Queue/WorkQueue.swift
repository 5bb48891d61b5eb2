import DequeModule
import HeapModule

/// The reconciler's queue of keys, with controller-runtime's guarantees:
/// - a key waiting in the queue is held once, however often it is added;
/// - a key is never handed to two workers at once: one added while it is being processed is
///   handed out again after `done`;
/// - a delayed add (`add(_:after:)`) keeps the earliest time asked for, as client-go's
///   delaying queue: a retry due sooner is not held behind a later "requeue after". Delays
///   wait in one timer heap served by one task, not a task per key; a delayed add is queued at
///   the priority it was made with (a periodic recheck at `low`, behind users' changes and
///   behind keys not yet reconciled);
/// - failures wait as the rate limiter says (`addRateLimited`; by default per-key exponential
///   backoff from 5 ms to 1000 s combined with an overall 10 qps / 100 burst bucket), and
///   `forget` resets the key's count;
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
    private var rateLimiter: any RateLimiter<Key>
    /// Delayed adds by due time; an entry whose time no longer matches `scheduled` is stale.
    private var timers = Heap<Timer>()
    /// The earliest due time of each key with a pending delayed add, and the highest priority asked.
    private var scheduled: [Key: (due: Duration, priority: Priority)] = [:]
    private var timerSequence = 0
    private var timerGeneration = 0
    /// The one task sleeping until the earliest timer, the time it waits for, and its
    /// generation (a task replaced by an earlier timer may still wake; it is then ignored).
    private var timerTask: (task: Task<Void, Never>, deadline: Duration, generation: Int)?
    private var workers: [CheckedContinuation<Key?, Never>] = []
    private var shuttingDown = false
    private var paused = false
    private var counters = Counters()

    private let clock: ElapsedClock

    /// - Parameters:
    ///   - clock: the clock delayed adds wait on (a manual clock in tests).
    ///   - rateLimiter: how long a key that failed waits (`addRateLimited`).
    public init(clock: any Clock<Duration> = ContinuousClock(),
                rateLimiter: any RateLimiter<Key> = MaxOfRateLimiter<Key>.controllerDefault()) {
        self.clock = ElapsedClock(clock)
        self.rateLimiter = rateLimiter
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

    /// Queues `key` at `priority` after `delay` (a "requeue after"). When `key` already waits
    /// for a delayed add, the earlier of the two times and the higher of the two priorities stand.
    public func add(_ key: Key, after delay: Duration, priority: Priority = .normal) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(key, priority: priority) }
        let due = clock.now + delay
        let pending = scheduled[key]
        let priority = max(pending?.priority ?? priority, priority)
        if let pending, pending.due <= due {
            scheduled[key] = (pending.due, priority)
            return
        }
        scheduled[key] = (due, priority)
        timerSequence += 1
        timers.insert(Timer(due: due, sequence: timerSequence, key: key))
        armTimer()
    }

    /// Queues `key` when the rate limiter allows, counting a failure; never sooner than
    /// `notBefore` (a server's Retry-After) when given.
    public func addRateLimited(_ key: Key, notBefore: Duration? = nil) {
        counters.retries += 1
        let delay = rateLimiter.when(key, now: clock.now)
        add(key, after: max(delay, notBefore ?? .zero))
    }

    /// Forgets `key`'s failures (after a successful reconcile).
    public func forget(_ key: Key) { rateLimiter.forget(key) }

    /// How many times `key` has failed since it was last forgotten.
    public func failureCount(_ key: Key) -> Int { rateLimiter.failures(of: key) }

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
        timerTask?.task.cancel()
        timerTask = nil
        timers = Heap()
        scheduled.removeAll()
        guard waiting.isEmpty else { return }
        for worker in workers { worker.resume(returning: nil) }
        workers.removeAll()
    }

    /// True when nothing waits, runs or is scheduled.
    public var isIdle: Bool { waiting.isEmpty && processing.isEmpty && scheduled.isEmpty }

    /// True while a key waits or is being processed (delayed adds aside).
    public var hasWork: Bool { !waiting.isEmpty || !processing.isEmpty }

    /// Workers parked in `next()` waiting for a key.
    public var idleWorkerCount: Int { workers.count }

    /// Keys waiting for a delayed add.
    public var scheduledCount: Int { scheduled.count }

    /// The counters, with the current depth.
    public var snapshot: Counters {
        var result = counters
        result.depth = waiting.count
        return result
    }

    /// A delayed add: due at `due` (time elapsed since the queue started); `sequence` keeps
    /// adds due at the same time in the order they were made.
    private struct Timer: Comparable, Sendable {
        let due: Duration
        let sequence: Int
        let key: Key

        static func < (lhs: Timer, rhs: Timer) -> Bool { (lhs.due, lhs.sequence) < (rhs.due, rhs.sequence) }
        static func == (lhs: Timer, rhs: Timer) -> Bool { lhs.due == rhs.due && lhs.sequence == rhs.sequence }
    }

    /// Makes sure the timer task waits for the earliest pending timer.
    private func armTimer() {
        guard let earliest = timers.min?.due else { return }
        if let running = timerTask, running.deadline <= earliest { return }
        timerTask?.task.cancel()
        timerGeneration += 1
        let generation = timerGeneration
        let clock = self.clock
        let task = Task { [weak self] in
            do { try await clock.sleep(until: earliest) } catch { return }
            await self?.fireDue(generation: generation)
        }
        timerTask = (task, earliest, generation)
    }

    /// Queues every key whose time has come, then waits for the next.
    private func fireDue(generation: Int) {
        guard timerTask?.generation == generation else { return }
        timerTask = nil
        let now = clock.now
        while let first = timers.min, first.due <= now {
            timers.removeMin()
            guard let pending = scheduled[first.key], pending.due == first.due else { continue }   // superseded by an earlier add
            scheduled[first.key] = nil
            add(first.key, priority: pending.priority)
        }
        armTimer()
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
