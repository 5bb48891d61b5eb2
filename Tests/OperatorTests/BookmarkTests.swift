import Foundation
import KubeClient
import KubeModel
import Testing

@Suite("Watch bookmarks against KubeSandbox", .serialized)
struct BookmarkTests {
    /// The API server's scheduled BOOKMARK (about a minute into a watch, at a newer
    /// resourceVersion) is the only news an informer gets of writes to what it does not watch:
    /// every informer takes its resourceVersion and resumes from it when its watch ends, with no
    /// relist, no reconcile and no write.
    @Test("a scheduled BOOKMARK moves every informer on: it resumes from there, nothing is written")
    func bookmarksMoveInformersOn() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { shipshape in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("the Deployment") { try await harness.get(.deployments, "hello") != nil }
                try await harness.settle(shipshape)
                let watched = Set(await harness.sandbox.requests().filter { $0.verb == "watch" }.map(\.path))
                #expect(!watched.isEmpty)

                // A write to nothing the operator watches: the cluster's resourceVersion moves on.
                _ = try await harness.client.resource(.leases, namespace: "kube-system").create([
                    "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "elsewhere"],
                    "spec": ["holderIdentity": "someone-else"],
                ])
                let latest = await harness.sandbox.resourceVersion()
                await harness.sandbox.clearRequests()
                await harness.sandbox.advanceClock(by: .seconds(61))
                await harness.sandbox.dropWatches()

                try await eventually("every informer watches again") {
                    Set(await harness.sandbox.requests().filter { $0.verb == "watch" }.map(\.path)) == watched
                }
                let watches = await harness.sandbox.requests().filter { $0.verb == "watch" }
                for watch in watches {
                    let version = URLComponents(string: "?" + watch.query)?.queryItems?.first { $0.name == "resourceVersion" }?.value
                    #expect(version == String(latest), "\(watch.path)?\(watch.query)")
                }
                #expect(!(await harness.sandbox.requests().contains { $0.verb == "list" }))
                try await harness.settle(shipshape)
                #expect(await harness.writes(excludingEvents: false) == [])
            }
        }
    }
}
