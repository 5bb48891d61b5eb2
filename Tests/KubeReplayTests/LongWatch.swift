import Foundation
import KubeModel

/// Watches longer than the replay waits for in real time (447: 65 s): the replay moves the
/// sandbox's clock on instead, while the cluster goes on writing as the recording's did.
extension Replayer {
    static let leasePath = "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases"

    /// Moves the sandbox's clock on by `seconds`, renewing a leader-election Lease every 2 s as a
    /// kube-controller-manager does by default. A control plane is never idle, so the cluster's
    /// resourceVersion moved on under the recorded watch; the watch cache sends a scheduled
    /// bookmark only at a resourceVersion newer than the watch's start, and an idle sandbox would
    /// rightly send none.
    func passTime(_ seconds: Int) async throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for elapsed in stride(from: 0, to: seconds, by: 2) {
            let spec: JSONValue = [
                "holderIdentity": "fid-replay", "leaseDurationSeconds": 15,
                "renewTime": .string(formatter.string(from: Date.now.addingTimeInterval(Double(elapsed)))),
            ]
            let renewed = try await send("PATCH", Self.leasePath + "/kube-controller-manager",
                                         headers: ["Content-Type": "application/merge-patch+json"], body: ["spec": spec])
            if renewed.status == 404 {
                _ = try await send("POST", Self.leasePath, body: [
                    "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                    "metadata": ["name": "kube-controller-manager"], "spec": spec,
                ])
            }
            await advanceClock(.seconds(min(2, seconds - elapsed)))
        }
    }
}
