/// The kube-controller-manager controllers the sandbox models, run as one task beside the server
/// for as long as it runs. Every commit wakes it (wake-ups coalesce; delayed work wakes it when it
/// falls due), and each wake-up runs every controller once over the current state; controllers
/// write only what differs, so the store settles once the cluster has converged.
struct ControllerManager: Sendable {
    let store: ClusterStore
    /// Which optional controllers run (the simulated kubelet, the HorizontalPodAutoscaler controller).
    let options: SandboxOptions

    func run() async {
        let (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await store.attachControllers(continuation)
        // Delayed work (a namespace's grace period) wakes the controllers when it falls due.
        var timer: Task<Void, Never>?
        for await _ in wakeups {
            await store.reconcileControllers(options)
            timer?.cancel()
            if let delay = await store.untilControllerWorkDue {
                timer = Task {
                    try? await Task.sleep(for: delay)
                    if !Task.isCancelled { continuation.yield() }
                }
            }
        }
        timer?.cancel()
    }
}
