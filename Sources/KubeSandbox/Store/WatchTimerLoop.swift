/// Serves the watches' scheduled bookmarks and deadlines as the wall clock passes, as one task
/// beside the server for as long as it runs: it sleeps until the next one falls due, and is woken
/// earlier when a watch opens (what falls due next may have changed).
struct WatchTimerLoop: Sendable {
    let store: ClusterStore

    func run() async {
        let (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await store.attachWatchTimers(continuation)
        var timer: Task<Void, Never>?
        for await _ in wakeups {
            await store.serveWatchTimers()
            timer?.cancel()
            if let delay = await store.untilWatchTimerDue {
                timer = Task {
                    try? await Task.sleep(for: delay)
                    if !Task.isCancelled { continuation.yield() }
                }
            }
        }
        timer?.cancel()
    }
}
