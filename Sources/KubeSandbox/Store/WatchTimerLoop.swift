/// Serves the watches' scheduled bookmarks and deadlines as the wall clock passes, as one task
/// beside the server for as long as it runs: it sleeps until the next one falls due, and is woken
/// earlier when a watch opens (what falls due next may have changed).
struct WatchTimerLoop: Sendable {
    let store: ClusterStore

    func run() async {
        await WakeupLoop.run(attach: { await store.attachWatchTimers($0) }, work: { await store.serveWatchTimers() },
                             untilDue: { await store.untilWatchTimerDue })
    }
}
