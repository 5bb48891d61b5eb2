import Foundation
import KubeModel
import Testing

@testable import Controller

@Suite struct MicroTimeTests {
    @Test("MicroTime writes microseconds in UTC and reads them back")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let text = MicroTime.format(date)
        #expect(text == "2023-11-14T22:13:20.123456Z")
        let parsed = try #require(MicroTime.parse(text))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
        #expect(MicroTime.parse("2023-11-14T22:13:20Z") == Date(timeIntervalSince1970: 1_700_000_000))
    }

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
