/// What tests read and inject while the sandbox runs.
extension KubeSandbox {
    /// Every request so far, oldest first.
    public func requests() async -> [RequestRecord] { await journal.records }

    /// Runs the controllers (when on) until they have nothing left to do, as if they had caught
    /// up with every write: for tests whose outcome would otherwise depend on scheduling.
    public func settleControllers() async {
        guard options.controllers else { return }
        await store.settleControllers(options)
    }

    /// Moves the sandbox's clock on by `duration`, then lets the controllers catch up: delayed work
    /// (a terminating namespace's grace period) that falls due meanwhile is done, and the watches'
    /// scheduled bookmarks and `timeoutSeconds` deadlines falling due meanwhile are served in
    /// order, before this returns.
    public func advanceClock(by duration: Duration) async {
        await store.advanceClock(by: duration)
        await settleControllers()
    }

    /// Holds the controllers back until `releaseControllers()`, as a busy kube-controller-manager
    /// would be: a test then reads what a client sees between a write and the controllers'
    /// reaction to it (a dependent right after its owner's deletion).
    public func holdControllers() async { await store.holdControllers(true) }

    /// Lets held controllers go on, and waits until they have caught up.
    public func releaseControllers() async {
        await store.holdControllers(false)
        await settleControllers()
    }

    /// Forgets the request log.
    public func clearRequests() async { await journal.clear() }

    /// The next `count` requests (matching `method` and a path fragment, if given) fail with
    /// `status` and a Status body, with `Retry-After` when `retryAfterSeconds` is set.
    public func failNext(_ count: Int = 1, status: Int, retryAfterSeconds: Int? = nil,
                         method: String? = nil, pathContains: String? = nil) async {
        await journal.add(Fault(status: status, count: count, method: method, pathContains: pathContains,
                                retryAfterSeconds: retryAfterSeconds))
    }

    /// Delays every matching response by `delay` until `clearFaults()`.
    public func delayResponses(by delay: Duration, method: String? = nil, pathContains: String? = nil) async {
        await journal.addDelay(delay, method: method, pathContains: pathContains)
    }

    /// Returns once a request is being held by `delayResponses` (at once if one has been), so a
    /// test knows a request is in flight without sleeping.
    public func waitForDelayedRequest() async { await journal.waitForDelayedRequest() }

    /// Removes pending faults and delays.
    public func clearFaults() async { await journal.clearFaults() }

    /// Ends every open watch stream, as a restarting API server would.
    public func dropWatches() async { await store.dropWatches() }

    /// Forgets the event history: watches from older resourceVersions and old continue tokens
    /// now get 410 Gone (Expired).
    public func compactHistory() async { await store.compact() }

    /// Sends a BOOKMARK at the current resourceVersion to every watch that allows bookmarks.
    public func sendBookmarks() async { await store.bookmarkAll() }

    /// The number of open watch streams.
    public func openWatchCount() async -> Int { await store.openWatchCount }

    /// The cluster's latest resourceVersion.
    public func resourceVersion() async -> Int { await store.revision }
}
