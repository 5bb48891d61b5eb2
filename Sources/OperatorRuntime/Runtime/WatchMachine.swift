/// The pure state machine behind a resilient list-then-watch stream (as kube-rs's watcher):
/// `empty → listing → watching`, driven by what the API server said. It does no I/O: a driver
/// performs `nextRequest`, feeds the outcome to `step`, and publishes what `step` returns.
/// Tests drive it without a server.
public struct WatchMachine<Object: Sendable>: Sendable {
    public enum State: Sendable {
        case empty
        /// Listing page by page; `items` collects the pages so far.
        case listing(continueToken: String, items: [Object])
        /// Watching from `resourceVersion`, the last version seen (event or bookmark). Versions
        /// are opaque: passed back to the server, never compared.
        case watching(resourceVersion: String)
    }

    /// What the server answered to the last request.
    public enum Input: Sendable {
        case listPage(items: [Object], continueToken: String?, resourceVersion: String)
        case added(Object, resourceVersion: String)
        case modified(Object, resourceVersion: String)
        case deleted(Object, resourceVersion: String)
        case bookmark(resourceVersion: String)
        /// The watch closed without error (server timeout, idle timeout): resume from the last version.
        case watchClosed
        /// 410 Gone: the version is too old (or a continue token expired): list again.
        case gone
        /// Any other failure: retry the same request after a backoff.
        case failed
    }

    /// What subscribers learn.
    public enum Event: Sendable {
        /// A complete list: the store is replaced by exactly these objects.
        case restarted([Object])
        case applied(Object)
        case deleted(Object)
    }

    /// The request to make next.
    public enum Request: Sendable, Equatable {
        case list(continueToken: String?)
        case watch(resourceVersion: String)
    }

    public private(set) var state: State = .empty

    public init() {}

    public var nextRequest: Request {
        switch state {
        case .empty: return .list(continueToken: nil)
        case .listing(let token, _): return .list(continueToken: token)
        case .watching(let version): return .watch(resourceVersion: version)
        }
    }

    /// Whether the driver should back off before the next request: after a failure, and after
    /// a complete list without a resourceVersion (listed again, never watched "from now").
    public static func needsBackoff(after input: Input) -> Bool {
        switch input {
        case .failed: return true
        case .listPage(_, let token, let version): return (token ?? "").isEmpty && version.isEmpty
        default: return false
        }
    }

    /// Advances on one input; returns the event to publish, if any.
    public mutating func step(_ input: Input) -> Event? {
        switch (state, input) {
        case (.empty, .listPage(let items, let token, let version)):
            return finishOrContinue(items, token, version)
        case (.listing(_, let earlier), .listPage(let items, let token, let version)):
            return finishOrContinue(earlier + items, token, version)
        case (.watching, .added(let object, let version)), (.watching, .modified(let object, let version)):
            state = .watching(resourceVersion: version)
            return .applied(object)
        case (.watching, .deleted(let object, let version)):
            state = .watching(resourceVersion: version)
            return .deleted(object)
        case (.watching, .bookmark(let version)):
            state = .watching(resourceVersion: version)
            return nil
        case (_, .gone):
            state = .empty
            return nil
        case (_, .watchClosed), (_, .failed):
            return nil
        default:
            // An answer that does not fit the request (a watch event while listing): ignore it.
            return nil
        }
    }

    private mutating func finishOrContinue(_ items: [Object], _ token: String?, _ version: String) -> Event? {
        if let token, !token.isEmpty {
            state = .listing(continueToken: token, items: items)
            return nil
        }
        guard !version.isEmpty else {
            // A watch without a version would start "from now" and miss what changed since the
            // list: list again instead (after a backoff), as kube-rs does.
            state = .empty
            return nil
        }
        state = .watching(resourceVersion: version)
        return .restarted(items)
    }
}

extension WatchMachine.Input {
    /// The same input with its objects transformed.
    public func map<Other: Sendable>(_ transform: (Object) -> Other) -> WatchMachine<Other>.Input {
        switch self {
        case .listPage(let items, let token, let version): .listPage(items: items.map(transform), continueToken: token, resourceVersion: version)
        case .added(let object, let version): .added(transform(object), resourceVersion: version)
        case .modified(let object, let version): .modified(transform(object), resourceVersion: version)
        case .deleted(let object, let version): .deleted(transform(object), resourceVersion: version)
        case .bookmark(let version): .bookmark(resourceVersion: version)
        case .watchClosed: .watchClosed
        case .gone: .gone
        case .failed: .failed
        }
    }
}
