import Controller
import KubeClient
import KubeModel
import OperatorRuntime
import Testing

@Suite("Leader election against KubeSandbox", .serialized)
struct LeaderElectionTests {
    static var fast: LeaderElectionTimings {
        var timings = LeaderElectionTimings()
        timings.leaseDuration = 2
        timings.renewDeadline = 1.5
        timings.retryPeriod = 0.1
        return timings
    }

    @Test("two operators: one leads, the standby takes over when the leader stops and releases the Lease")
    func failover() async throws {
        try await Harness.withSandbox { harness in
            let lease = OperatorSettings.LeaseSettings(namespace: "shop", name: "shipshape-operator", timings: Self.fast)
            let first = try harness.makeOperator(identity: "first", leaderElection: lease)
            let second = try harness.makeOperator(identity: "second", leaderElection: lease)
            try await harness.withOperator(second) { second in
                try await harness.withOperator(first) { first in
                    try await eventually("a leader") { first.leadership.isLeading || second.leadership.isLeading }
                    // Renewals later there is exactly one, and the Lease names it (read together: on a
                    // loaded machine a short lease may legitimately change hands in between).
                    try await eventually("one leader, named by the renewed Lease") {
                        let spec = try await harness.get(.leases, "shipshape-operator")?["spec"]
                        let leader = first.leadership.isLeading ? "first" : "second"
                        return spec?["renewTime"]?.stringValue != nil && first.leadership.isLeading != second.leadership.isLeading
                            && spec?["holderIdentity"]?.stringValue == leader
                    }
                    try await harness.create(Fixtures.microservice("hello"))
                    try await eventually("the leader reconciles") { try await harness.get(.deployments, "hello") != nil }
                    #expect(first.metrics.exposition().contains("leader_election_master_status"))
                }
                // `first` shut down gracefully. If it led, it released the Lease: `second` leads now.
                try await eventually("the standby leads") { second.leadership.isLeading }
                try await harness.create(Fixtures.microservice("after"))
                try await eventually("the new leader reconciles") { try await harness.get(.deployments, "after") != nil }
                let lease = try #require(try await harness.get(.leases, "shipshape-operator"))
                #expect(lease["spec"]?["holderIdentity"]?.stringValue == "second")
            }
        }
    }

    @Test("a standby keeps its cache warm but writes nothing")
    func standbyDoesNotReconcile() async throws {
        try await Harness.withSandbox { harness in
            // Someone else holds the Lease for a long time.
            let taken: JSONValue = [
                "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": ["name": "shipshape-operator", "namespace": "shop"],
                "spec": [
                    "holderIdentity": "elsewhere", "leaseDurationSeconds": 3600,
                    "renewTime": .string(MicroTime.format(.now)), "acquireTime": .string(MicroTime.format(.now)), "leaseTransitions": 0,
                ],
            ]
            _ = try await harness.resource(.leases).create(taken)
            let lease = OperatorSettings.LeaseSettings(namespace: "shop", timings: Self.fast)
            try await harness.withOperator(try harness.makeOperator(identity: "standby", leaderElection: lease)) { standby in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("the cache has it") { standby.cache.microservices.get(ObjectKey(namespace: "shop", name: "hello")) != nil }
                try await eventually("every cache has synced") { standby.isReady }
                #expect(!standby.leadership.isLeading)
                let childPaths = ChildKind.allCases.map { "/\($0.resource.resource)" } + ["/status"]
                #expect(await harness.writes().filter { write in childPaths.contains { write.contains($0) } } == [])
                #expect(try await harness.get(.deployments, "hello") == nil)
            }
        }
    }
}
