import KubeClient
import KubeModel
import Logging
import Synchronization

/// What an informer's store went through, for event handlers.
public enum StoreChange<Value: Sendable>: Sendable {
    /// A (re)list replaced the store's scope: what was there and what is there now, by key.
    case relisted(old: [String: Value], new: [String: Value])
    case upserted(old: Value?, new: Value)
    case deleted(Value)
}

/// A list-then-watch loop (the I/O around `WatchMachine`) that keeps an `ObjectStore` true and
/// tells a handler what changed. Failures back off exponentially with full jitter on one of two
/// schedules: a server that is unavailable (refused connections, 429, 5xx: restarting) is tried
/// again soon (`recoveryBackoff`, at most 1 s) so the cache catches up within about a second of
/// it being back; anything else (a denial, an unknown resource) waits longer (`backoff`, up to
/// 30 s). A 410 relists at once; a watch the server or the idle timeout ends resumes from the last
/// resourceVersion, unless it ended within a second with nothing delivered, which counts as a
/// failure (so a server that closes every watch cannot make the loop spin). The client's own
/// retries log at debug level; the informer logs a failure streak once (its first failure as a
/// warning, its end as a notice with the count). Runs until its task is cancelled.
public final class Informer<Value: Sendable>: Sendable {
    public let source: ListWatchSource
    public let store: ObjectStore<Value>
    private let transform: @Sendable (JSONValue) -> Value?
    private let handler: @Sendable (StoreChange<Value>) async -> Void
    private let clock: any Clock<Duration>
    private let random: @Sendable () -> Double
    private let logger: Logger
    private let synced = Mutex(false)

    /// The schedule after failures other than unavailability (client-go's reflector: 800 ms to 30 s).
    static var backoff: Backoff { Backoff(base: .milliseconds(800), cap: .seconds(30)) }
    /// The schedule while the server is unavailable: short, so recovery is noticed at once.
    static var recoveryBackoff: Backoff { Backoff(base: .milliseconds(200), cap: .seconds(1)) }
    /// A watch that ends sooner than this with nothing delivered counts as a failure.
    static var shortestHealthyWatch: Duration { .seconds(1) }

    /// - Parameters:
    ///   - transform: what the store keeps of each object (nil leaves the object out).
    ///   - handler: called after the store changed, in order.
    public init(source: ListWatchSource, store: ObjectStore<Value> = ObjectStore(),
                transform: @escaping @Sendable (JSONValue) -> Value?,
                handler: @escaping @Sendable (StoreChange<Value>) async -> Void = { _ in },
                clock: any Clock<Duration> = ContinuousClock(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                logger: Logger) {
        self.source = source
        self.store = store
        self.transform = transform
        self.handler = handler
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// True once the first complete list is in the store.
    public var hasSynced: Bool { synced.withLock { $0 } }

    /// A failed request, classified.
    struct Failure {
        var unavailable: Bool
        var retryAfter: Duration?
        var message: String
    }

    /// Lists and watches until cancelled.
    public func run() async {
        var machine = WatchMachine<JSONValue>()
        // The list so far, transformed page by page: the machine gets each page without its
        // items, so no page's parsed JSON outlives its transform (a whole list of parsed
        // objects is many times the size of what the store keeps).
        var listed: [String: Value] = [:]
        var streak = 0   // failures in a row
        let elapsed = ElapsedClock(clock)
        while !Task.isCancelled {
            let request = machine.nextRequest
            let started = elapsed.now
            var input: ListWatchSource.Input
            var failure: Failure?
            switch request {
            case .list(let token):
                if token == nil { listed = [:] }
                do {
                    let page = try await source.list(token)
                    for object in page.items {
                        if let value = transform(object) { listed[object.objectKey] = value }
                    }
                    input = .listPage(items: [], continueToken: page.continueToken, resourceVersion: page.resourceVersion)
                    if WatchMachine<JSONValue>.needsBackoff(after: input) {
                        failure = Failure(unavailable: false, message: "list answered without a resourceVersion; listing again")
                    }
                } catch {
                    (input, failure) = classify(error, during: "list")
                }
            case .watch(let version):
                var delivered = 0
                do {
                    try await source.watch(version) { input in
                        delivered += 1
                        await self.feed(input, into: &machine, listed: &listed)
                    }
                    input = .watchClosed
                    if delivered == 0, elapsed.now - started < Self.shortestHealthyWatch {
                        failure = Failure(unavailable: true, message: "watch closed at once")
                    }
                } catch {
                    (input, failure) = classify(error, during: "watch")
                }
                if delivered > 0 { streak = endStreak(streak) }
            }
            if Task.isCancelled { return }
            await feed(input, into: &machine, listed: &listed)
            if case .listPage = input, case .watching = machine.state { HeapTrim.release() }
            if let failure {
                streak += 1
                if streak == 1 {
                    logger.warning("\(source.description): \(failure.message); retrying")
                } else {
                    logger.debug("\(source.description): \(failure.message) (failure \(streak) in a row)")
                }
                let schedule = failure.unavailable ? Self.recoveryBackoff : Self.backoff
                let delay = schedule.delay(retry: streak - 1, retryAfter: failure.retryAfter, unitRandom: random())
                do { try await elapsed.sleep(for: delay) } catch { return }
            } else if case .listPage = input {
                streak = endStreak(streak)
            }
        }
    }

    private func endStreak(_ streak: Int) -> Int {
        if streak > 0 { logger.notice("\(source.description): recovered after \(streak) failed attempts") }
        return 0
    }

    private func classify(_ error: any Error, during operation: String) -> (ListWatchSource.Input, Failure?) {
        if case KubeError.gone = error {
            logger.info("\(source.description): \(operation) expired (410 Gone), listing again")
            return (.gone, nil)
        }
        if case KubeError.cancelled = error { return (.watchClosed, nil) }
        let kubeError = error as? KubeError
        let unavailable: Bool
        switch kubeError {
        case .transport?: unavailable = true
        case let error?: unavailable = RetryPolicy.signalsUnavailable(status: error.statusCode ?? 0) || error.statusCode == 500
        case nil: unavailable = false
        }
        return (.failed, Failure(unavailable: unavailable, retryAfter: kubeError?.retryAfter, message: "\(operation) failed: \(error)"))
    }

    /// Steps `machine` on `input` and publishes what it says; a complete list publishes `listed`
    /// (the list's objects, transformed as their pages came) and empties it.
    private func feed(_ input: ListWatchSource.Input, into machine: inout WatchMachine<JSONValue>, listed: inout [String: Value]) async {
        guard let event = machine.step(input) else { return }
        switch event {
        case .restarted:
            let fresh = listed
            listed = [:]
            let old = store.replace(scope: source.namespace, with: fresh)
            synced.withLock { $0 = true }
            logger.debug("\(source.description): listed \(fresh.count) objects")
            await handler(.relisted(old: old, new: fresh))
        case .applied(let object):
            let (namespace, name) = ObjectKey.split(object.objectKey)
            guard let value = transform(object) else {
                if let old = store.remove(namespace: namespace, name: name) { await handler(.deleted(old)) }
                return
            }
            let old = store.set(namespace: namespace, name: name, value)
            await handler(.upserted(old: old, new: value))
        case .deleted(let object):
            let (namespace, name) = ObjectKey.split(object.objectKey)
            let old = store.remove(namespace: namespace, name: name)
            if let value = old ?? transform(object) { await handler(.deleted(value)) }
        }
    }
}
