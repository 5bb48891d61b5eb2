import KubeModel
import Logging
import Synchronization

/// What an informer's store went through, for event handlers.
public enum StoreChange<Value: Sendable>: Sendable {
    /// A (re)list replaced the store's scope: what was there and what is there now, by key.
    case relisted(old: [ObjectKey: Value], new: [ObjectKey: Value])
    case upserted(old: Value?, new: Value)
    case deleted(Value)
}

/// The reflector of one `ListWatchSource`: it consumes the source's `Watcher` (which lists,
/// watches, relists and backs off), keeps an `ObjectStore` true through the store's
/// `StoreWriter`, and then tells a handler what changed. Runs until its task is cancelled.
public final class Informer<Value: Sendable>: Sendable {
    public let source: ListWatchSource
    /// The writer of the store it keeps.
    private let writer: StoreWriter<Value>
    private let handler: @Sendable (StoreChange<Value>) async -> Void
    private let watcher: Watcher<Keyed>
    private let logger: Logger
    private let synced = Mutex(false)

    /// - Parameters:
    ///   - writer: the writer of the store this informer keeps (informers of other namespaces may share it).
    ///   - transform: what the store keeps of each object (nil leaves the object out).
    ///   - handler: called after the store changed, in order.
    ///   - random: the watcher's jitter source, a value in 0..<1.
    public init(source: ListWatchSource, writer: StoreWriter<Value> = StoreWriter(),
                transform: @escaping @Sendable (JSONValue) -> Value?,
                handler: @escaping @Sendable (StoreChange<Value>) async -> Void = { _ in },
                clock: any Clock<Duration> = ContinuousClock(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                logger: Logger) {
        self.source = source
        self.writer = writer
        self.handler = handler
        watcher = Watcher(source: source, transform: { Keyed(key: $0.objectKey, value: transform($0)) }, clock: clock, random: random, logger: logger)
        self.logger = logger
    }

    /// What this informer keeps, read-only.
    public var store: ObjectStore<Value> { writer.store }

    /// True once the first complete list is in the store.
    public var hasSynced: Bool { synced.withLock { $0 } }

    /// Lists and watches until cancelled.
    public func run() async {
        for await event in watcher {
            await apply(event)
        }
    }

    /// An object as the store keeps it (nil: left out), under its key.
    struct Keyed: Sendable {
        var key: ObjectKey
        var value: Value?
    }

    private func apply(_ event: WatchMachine<Keyed>.Event) async {
        switch event {
        case .restarted(let objects):
            var fresh: [ObjectKey: Value] = [:]
            fresh.reserveCapacity(objects.count)
            for object in objects {
                if let value = object.value { fresh[object.key] = value }
            }
            let old = writer.replace(scope: source.namespace, with: fresh)
            synced.withLock { $0 = true }
            logger.debug("\(source.description): listed \(fresh.count) objects")
            await handler(.relisted(old: old, new: fresh))
            HeapTrim.release()
        case .applied(let object):
            guard let value = object.value else {
                if let old = writer.remove(object.key) { await handler(.deleted(old)) }
                return
            }
            let old = writer.set(object.key, value)
            await handler(.upserted(old: old, new: value))
        case .deleted(let object):
            let old = writer.remove(object.key)
            if let value = old ?? object.value { await handler(.deleted(value)) }
        }
    }
}
