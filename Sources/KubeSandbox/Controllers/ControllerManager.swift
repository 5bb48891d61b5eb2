/// The kube-controller-manager controllers the sandbox models, run as one task beside the server
/// for as long as it runs. Every commit wakes it (wake-ups coalesce; delayed work wakes it when it
/// falls due), and each wake-up runs every controller once over the current state; controllers
/// write only what differs, so the store settles once the cluster has converged.
struct ControllerManager: Sendable {
    let store: ClusterStore
    /// Which optional controllers run (the simulated kubelet, the HorizontalPodAutoscaler controller).
    let options: SandboxOptions

    func run() async {
        // Delayed work (a namespace's grace period) wakes the controllers when it falls due.
        await WakeupLoop.run(attach: { await store.attachControllers($0) }, work: { await store.reconcileControllers(options) },
                             untilDue: { await store.untilControllerWorkDue })
    }
}
