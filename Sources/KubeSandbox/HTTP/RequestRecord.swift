/// One request as the sandbox saw it, for tests that count writes or check headers.
public struct RequestRecord: Sendable, Hashable {
    /// HTTP method: GET, POST, PUT, PATCH, DELETE.
    public var method: String
    /// Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection,
    /// or "discovery" and "other" for everything else.
    public var verb: String
    public var path: String
    /// The raw query string, without `?`.
    public var query: String
    public var contentType: String?
    public var accept: String?
    /// The user the request acted as (after impersonation; `system:anonymous` without
    /// credentials); nil when authentication failed (401).
    public var user: String?
    /// The response status code (200 for a watch that started streaming).
    public var status: Int
    /// The client's port on loopback: one per connection, shared by the streams an HTTP/2
    /// connection multiplexes.
    public var clientPort: Int?

    /// True for create, update, patch, delete and deletecollection.
    public var isWrite: Bool { ["create", "update", "patch", "delete", "deletecollection"].contains(verb) }
}

/// A failure to inject: the next `count` requests that match answer `status` instead.
public struct Fault: Sendable {
    public var status: Int
    public var count: Int
    /// Only requests with this HTTP method (any when nil).
    public var method: String?
    /// Only requests whose path contains this (any when nil).
    public var pathContains: String?
    /// Sent as Retry-After and details.retryAfterSeconds.
    public var retryAfterSeconds: Int?

    public init(status: Int, count: Int = 1, method: String? = nil, pathContains: String? = nil, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.count = count
        self.method = method
        self.pathContains = pathContains
        self.retryAfterSeconds = retryAfterSeconds
    }

    func matches(method: String, path: String) -> Bool {
        (self.method.map { $0.uppercased() == method } ?? true) && (pathContains.map { path.contains($0) } ?? true)
    }

    var apiStatus: APIStatus {
        let reason: String
        switch status {
        case 429: reason = "TooManyRequests"
        case 500: reason = "InternalError"
        case 503: reason = "ServiceUnavailable"
        case 504: reason = "Timeout"
        default: reason = "InternalError"
        }
        return APIStatus(code: status, reason: reason, message: "injected fault", retryAfterSeconds: retryAfterSeconds)
    }
}

/// The request log, injected faults and delays, shared by the handlers and the test.
actor RequestJournal {
    private(set) var records: [RequestRecord] = []
    private var faults: [Fault] = []
    private var delays: [(delay: Duration, method: String?, pathContains: String?)] = []
    private var delayedCount = 0
    private var delayWaiters: [CheckedContinuation<Void, Never>] = []

    func record(_ record: RequestRecord) { records.append(record) }
    func clear() { records.removeAll() }
    func add(_ fault: Fault) { faults.append(fault) }

    func addDelay(_ delay: Duration, method: String?, pathContains: String?) {
        delays.append((delay, method, pathContains))
    }

    func clearFaults() {
        faults.removeAll()
        delays.removeAll()
    }

    /// The fault this request should get, consuming one of its count.
    func takeFault(method: String, path: String) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 { faults.remove(at: index) }
        return fault
    }

    func delay(method: String, path: String) -> Duration? {
        let delay = delays.first { entry in
            (entry.method.map { $0.uppercased() == method } ?? true) && (entry.pathContains.map { path.contains($0) } ?? true)
        }?.delay
        if delay != nil {
            delayedCount += 1
            for waiter in delayWaiters { waiter.resume() }
            delayWaiters.removeAll()
        }
        return delay
    }

    /// Returns once a request has been held by a delay (at once if one already was).
    func waitForDelayedRequest() async {
        if delayedCount > 0 { return }
        await withCheckedContinuation { delayWaiters.append($0) }
    }
}
