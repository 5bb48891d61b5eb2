import KubeModel

/// Where the recording's controllers had not caught up, for a reason the replay reproduces
/// rather than waits out.
extension Replayer {
    /// Cases that read right after the write before them, about the state a client sees before
    /// the (asynchronous) kube-controller-manager reacts to that write: the recording harness read
    /// at once, and the real controllers had not acted. The replay holds the sandbox's controllers
    /// over that write and this read, and releases them afterwards.
    static let readsBeforeControllersAct: [Int: String] = [
        157: "the Deployment as the client's status PUT (156) left it, before the Deployment controller rewrites the status",
        494: "the dependent right after its owner's background deletion (493), before the garbage collector deletes it",
        500: "the owner right after its foreground deletion (499), kept with the foregroundDeletion finalizer while its blocking dependent exists",
    ]

    /// The recording harness waited until the namespace deleted at 484 was gone (489): the
    /// namespace controller acts a grace period after each change of a terminating namespace, so
    /// the replay moves the sandbox's clock on by that period until it is gone.
    mutating func waitForNamespaceGone(_ name: String, gracePeriod: Duration = .seconds(5)) async throws {
        for _ in 0..<5 where try await send("GET", "/api/v1/namespaces/\(name)").status != 404 {
            await advanceClock(gracePeriod)
        }
    }
}
