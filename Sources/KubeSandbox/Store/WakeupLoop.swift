/// The loop of a task that runs beside the server: it does its work at every wake-up (wake-ups
/// coalesce) and sleeps until its delayed work falls due, unless woken earlier. Ends when the
/// wake-ups' stream finishes.
enum WakeupLoop {
    /// - Parameters:
    ///   - attach: hands the wake-ups' continuation to whoever wakes the loop.
    ///   - work: what each wake-up runs.
    ///   - untilDue: how long until delayed work falls due; nil when there is none.
    static func run(attach: (AsyncStream<Void>.Continuation) async -> Void, work: () async -> Void,
                    untilDue: () async -> Duration?) async {
        let (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await attach(continuation)
        var timer: Task<Void, Never>?
        for await _ in wakeups {
            await work()
            timer?.cancel()
            if let delay = await untilDue() {
                timer = Task {
                    try? await Task.sleep(for: delay)
                    if !Task.isCancelled { continuation.yield() }
                }
            }
        }
        timer?.cancel()
    }
}
