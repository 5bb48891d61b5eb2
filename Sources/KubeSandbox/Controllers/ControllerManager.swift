/// The kube-controller-manager controllers the sandbox models, run as one task beside the server
/// for as long as it runs. Every commit wakes it (wake-ups coalesce), and each wake-up runs every
/// controller once over the current state; controllers write only what differs, so the store
/// settles once the cluster has converged.
struct ControllerManager: Sendable {
    let store: ClusterStore
    /// Which optional controllers run (the simulated kubelet, the HorizontalPodAutoscaler controller).
    let options: SandboxOptions

    func run() async {
        let (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await store.attachControllers(continuation)
        for await _ in wakeups {
            await store.reconcileControllers(options)
        }
    }
}
