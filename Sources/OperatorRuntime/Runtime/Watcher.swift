import KubeClient
import KubeModel
import Logging

/// The changes to one `ListWatchSource` as an endless `AsyncSequence` (kube-rs's `watcher`):
/// the I/O around the pure `WatchMachine`. It lists page by page, watches from the list's
/// resourceVersion, resumes a watch that ends, relists on 410 Gone, and retries failures, and
/// yields only what a store needs: a complete list (`restarted`), an object added or modified
/// (`applied`), an object deleted. It reads from the server only when asked for the next event,
/// so a slow consumer slows the watch instead of filling a buffer. Iteration ends when the
/// task is cancelled.
///
/// Failures back off exponentially with full jitter on one of two schedules: a server that is
/// unavailable (refused connections, 429, 5xx: restarting) is tried again soon
/// (`recoveryBackoff`, at most 1 s) so a cache catches up within about a second of it being
/// back; anything else (a denial, an unknown resource) waits longer (`backoff`, up to 30 s). A
/// watch that ends within a second with nothing delivered counts as a failure, so a server that
/// closes every watch cannot make the loop spin. The client's own retries log at debug level;
/// the watcher logs a failure streak once (its first failure as a warning, its end as a notice
/// with the count).
///
/// Each object is turned into an `Object` as it arrives (`transform`), so a list holds no more
/// than one page of parsed JSON (an informer's projection of a page is far smaller).
public struct Watcher<Object: Sendable>: AsyncSequence, Sendable {
    public typealias Element = WatchMachine<Object>.Event
    public typealias Failure = Never

    public let source: ListWatchSource
    private let transform: @Sendable (JSONValue) -> Object
    private let clock: any Clock<Duration>
    private let random: @Sendable () -> Double
    private let logger: Logger

    /// The schedule after failures other than unavailability (client-go's reflector: 800 ms to 30 s).
    static var backoff: Backoff { Backoff(base: .milliseconds(800), cap: .seconds(30)) }
    /// The schedule while the server is unavailable: short, so recovery is noticed at once.
    static var recoveryBackoff: Backoff { Backoff(base: .milliseconds(200), cap: .seconds(1)) }
    /// A watch that ends sooner than this with nothing delivered counts as a failure.
    static var shortestHealthyWatch: Duration { .seconds(1) }

    /// - Parameters:
    ///   - transform: what each listed or watched object becomes, as it arrives.
    ///   - random: the jitter source, a value in 0..<1.
    public init(source: ListWatchSource, transform: @escaping @Sendable (JSONValue) -> Object, clock: any Clock<Duration> = ContinuousClock(),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, logger: Logger) {
        self.source = source
        self.transform = transform
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(self) }

    /// A failed request, classified.
    struct FailedRequest {
        var unavailable: Bool
        var retryAfter: Duration?
        var message: String
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Failure = Never

        private let watcher: Watcher
        private let elapsed: ElapsedClock
        private var machine = WatchMachine<Object>()
        /// Failures in a row.
        private var streak = 0
        /// The watch in progress: its inputs, when it was opened and how many it delivered.
        private var inputs: (any AsyncIteratorProtocol<ListWatchSource.Input, any Error>)?
        private var watchStarted: Duration = .zero
        private var delivered = 0

        init(_ watcher: Watcher) {
            self.watcher = watcher
            elapsed = ElapsedClock(watcher.clock)
        }

        /// The next change; nil once the task is cancelled.
        public mutating func next() async -> WatchMachine<Object>.Event? {
            while !Task.isCancelled {
                let (input, failure) = await read()
                if Task.isCancelled { return nil }
                let event = machine.step(input)
                if let failure {
                    guard await backOff(after: failure) else { return nil }
                } else if case .listPage = input {
                    endStreak()
                }
                if let event { return event }
            }
            return nil
        }

        /// What the server answers next: the next input of the watch in progress, else the
        /// outcome of the request the machine asks for.
        private mutating func read() async -> (WatchMachine<Object>.Input, FailedRequest?) {
            let source = watcher.source
            switch machine.nextRequest {
            case .list(let token):
                do {
                    let page = try await source.list(token)
                    let input = WatchMachine<Object>.Input.listPage(items: page.items.map(watcher.transform), continueToken: page.continueToken,
                                                                    resourceVersion: page.resourceVersion)
                    let failure = WatchMachine<Object>.needsBackoff(after: input)
                        ? FailedRequest(unavailable: false, message: "list answered without a resourceVersion; listing again") : nil
                    return (input, failure)
                } catch {
                    return classify(error, during: "list")
                }
            case .watch(let version):
                if inputs == nil {
                    watchStarted = elapsed.now
                    delivered = 0
                    do {
                        inputs = try await source.watch(version).makeAsyncIterator()
                    } catch {
                        return classify(error, during: "watch")
                    }
                }
                return await readWatch()
            }
        }

        private mutating func readWatch() async -> (WatchMachine<Object>.Input, FailedRequest?) {
            guard var current = inputs else { return (.watchClosed, nil) }
            inputs = nil
            do {
                guard let input = try await current.next() else {
                    if delivered == 0, elapsed.now - watchStarted < Watcher.shortestHealthyWatch {
                        return (.watchClosed, FailedRequest(unavailable: true, message: "watch closed at once"))
                    }
                    return (.watchClosed, nil)
                }
                if delivered == 0 { endStreak() }
                delivered += 1
                inputs = current
                return (input.map(watcher.transform), nil)
            } catch {
                return classify(error, during: "watch")
            }
        }

        /// Logs `failure` (the first of a streak as a warning) and sleeps its backoff; false when cancelled.
        private mutating func backOff(after failure: FailedRequest) async -> Bool {
            streak += 1
            let description = watcher.source.description
            if streak == 1 {
                watcher.logger.warning("\(description): \(failure.message); retrying")
            } else {
                watcher.logger.debug("\(description): \(failure.message) (failure \(streak) in a row)")
            }
            let schedule = failure.unavailable ? Watcher.recoveryBackoff : Watcher.backoff
            let delay = schedule.delay(retry: streak - 1, retryAfter: failure.retryAfter, unitRandom: watcher.random())
            do {
                try await elapsed.sleep(for: delay)
                return true
            } catch {
                return false
            }
        }

        private mutating func endStreak() {
            if streak > 0 { watcher.logger.notice("\(watcher.source.description): recovered after \(streak) failed attempts") }
            streak = 0
        }

        private func classify(_ error: any Error, during operation: String) -> (WatchMachine<Object>.Input, FailedRequest?) {
            let description = watcher.source.description
            if case KubeError.gone = error {
                watcher.logger.info("\(description): \(operation) expired (410 Gone), listing again")
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
            return (.failed, FailedRequest(unavailable: unavailable, retryAfter: kubeError?.retryAfter, message: "\(operation) failed: \(error)"))
        }
    }
}

extension Watcher where Object == JSONValue {
    /// A watcher that yields the objects as the server sent them.
    public init(source: ListWatchSource, clock: any Clock<Duration> = ContinuousClock(),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, logger: Logger) {
        self.init(source: source, transform: { $0 }, clock: clock, random: random, logger: logger)
    }
}
