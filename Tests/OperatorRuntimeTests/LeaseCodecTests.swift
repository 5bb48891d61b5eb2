import Foundation
import KubeModel
import Testing
@testable import OperatorRuntime

@Suite struct LeaseCodecTests {
    @Test("a Lease record survives LeaseCodec both ways, resourceVersion kept")
    func leaseCodec() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000.5)
        let record = LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15, acquireTime: now, renewTime: now, leaseTransitions: 2)
        let existing: JSONValue = ["metadata": ["name": "l", "namespace": "ns", "resourceVersion": "7"]]
        let lease = LeaseCodec.lease(record, replacing: existing, namespace: "ns", name: "l")
        #expect(lease["metadata"]?["resourceVersion"]?.stringValue == "7")
        let back = LeaseCodec.record(of: lease)
        #expect(back.holderIdentity == "a")
        #expect(back.leaseTransitions == 2)
        #expect(abs((back.renewTime ?? .distantPast).timeIntervalSince(now)) < 0.001)
    }
}
