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
/// tells a handler what changed. Failures back off exponentially with full jitter (reset after a
/// healthy period); a 410 relists at once; a watch the server or the idle timeout ends resumes
/// from the last resourceVersion. Runs until its task is cancelled.
public final class Informer<Value: Sendable>: Sendable {
    public let source: ListWatchSource
    public let store: ObjectStore<Value>
    private let transform: @Sendable (JSONValue) -> Value?
    private let handler: @Sendable (StoreChange<Value>) async -> Void
    private let clock: any Clock<Duration>
    private let random: @Sendable () -> Double
    private let logger: Logger
    private let synced = Mutex(false)

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

    /// Lists and watches until cancelled.
    public func run() async {
        var machine = WatchMachine<JSONValue>()
        var backoff = RetryBackoff()
        let healthyPeriod = Duration.seconds(30)
        while !Task.isCancelled {
            let request = machine.nextRequest
            let started = ContinuousClock.now
            var input: ListWatchSource.Input
            switch request {
            case .list(let token):
                do {
                    let page = try await source.list(token)
                    input = .listPage(items: page.items, continueToken: page.continueToken, resourceVersion: page.resourceVersion)
                } catch {
                    input = classify(error, during: "list")
                }
            case .watch(let version):
                do {
                    try await source.watch(version) { input in await self.feed(input, into: &machine) }
                    input = .watchClosed
                } catch {
                    input = classify(error, during: "watch")
                }
            }
            if Task.isCancelled { return }
            await feed(input, into: &machine)
            if WatchMachine<JSONValue>.needsBackoff(after: input) {
                let delay = backoff.delay(now: .now, random: random())
                logger.debug("\(source.description): retrying in \(delay)")
                do { try await clock.sleep(for: delay) } catch { return }
            } else if case .watch = request, ContinuousClock.now - started >= healthyPeriod {
                backoff.reset()
            } else if case .listPage = input {
                backoff.reset()
            }
        }
    }

    private func classify(_ error: any Error, during operation: String) -> ListWatchSource.Input {
        if case KubeError.gone = error {
            logger.info("\(source.description): \(operation) expired (410 Gone), listing again")
            return .gone
        }
        if case KubeError.cancelled = error { return .watchClosed }
        logger.warning("\(source.description): \(operation) failed: \(error)")
        return .failed
    }

    private func feed(_ input: ListWatchSource.Input, into machine: inout WatchMachine<JSONValue>) async {
        guard let event = machine.step(input) else { return }
        switch event {
        case .restarted(let objects):
            var fresh: [String: Value] = [:]
            fresh.reserveCapacity(objects.count)
            for object in objects {
                if let value = transform(object) { fresh[object.objectKey] = value }
            }
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
