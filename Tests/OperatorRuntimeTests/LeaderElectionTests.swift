import Foundation
import Testing
@testable import OperatorRuntime

@Suite struct LeaderElectionTests {
    let wall = Date(timeIntervalSince1970: 1_000_000)
    var a = LeaderElection(identity: "a")
    var b = LeaderElection(identity: "b")

    func held(by holder: String, renewed: Date, transitions: Int = 0) -> LeaseRecord {
        LeaseRecord(holderIdentity: holder, leaseDurationSeconds: 15, acquireTime: wall, renewTime: renewed, leaseTransitions: transitions)
    }

    @Test mutating func theFirstCandidateCreatesTheLease() {
        guard case .write(let record) = a.decide(current: nil, now: .zero, wallClock: wall) else { Issue.record("expected a write"); return }
        #expect(record.holderIdentity == "a")
        #expect(record.leaseDurationSeconds == 15)
        #expect(record.leaseTransitions == 0)
    }

    @Test("expiry runs from when this replica saw the record change, on its own monotonic clock")
    mutating func othersFollowUntilTheLeaseExpires() {
        // The holder's renewTime is far in the past by this replica's wall clock (clock skew):
        // irrelevant; what counts is that the record was first seen at 100 s.
        let record = held(by: "a", renewed: wall.addingTimeInterval(-3600))
        #expect(b.decide(current: record, now: .seconds(100), wallClock: wall) == .follow(holder: "a"))
        #expect(b.decide(current: record, now: .seconds(114.9), wallClock: wall) == .follow(holder: "a"))
        // The holder renewed at 110 s (a changed record): the lease runs until 125 s.
        let renewed = held(by: "a", renewed: wall.addingTimeInterval(-3590))
        #expect(b.decide(current: renewed, now: .seconds(110), wallClock: wall) == .follow(holder: "a"))
        #expect(b.decide(current: renewed, now: .seconds(124.9), wallClock: wall) == .follow(holder: "a"))
        guard case .write(let taken) = b.decide(current: renewed, now: .seconds(125), wallClock: wall) else {
            Issue.record("expected a takeover"); return
        }
        #expect(taken.holderIdentity == "b")
        #expect(taken.leaseTransitions == 1)
    }

    @Test("a renewTime in the future by the local wall clock does not hold the lease longer")
    mutating func aSkewedRenewTimeIsIgnored() {
        let record = held(by: "a", renewed: wall.addingTimeInterval(3600))
        _ = b.decide(current: record, now: .zero, wallClock: wall)
        guard case .write = b.decide(current: record, now: .seconds(15), wallClock: wall) else {
            Issue.record("expected a takeover 15 s after the record last changed"); return
        }
    }

    @Test mutating func theLeaderRenews() {
        let record = held(by: "a", renewed: wall, transitions: 3)
        guard case .write(let renewed) = a.decide(current: record, now: .seconds(2), wallClock: wall.addingTimeInterval(2)) else {
            Issue.record("expected a renewal"); return
        }
        #expect(renewed.renewTime == wall.addingTimeInterval(2))
        #expect(renewed.acquireTime == wall)
        #expect(renewed.leaseTransitions == 3)
    }

    @Test func aLeaderThatCannotRenewStepsDownBeforeOthersMayTakeOver() {
        #expect(!a.mustStepDown(lastRenewal: .seconds(5), now: .seconds(14.9)))
        #expect(a.mustStepDown(lastRenewal: .seconds(5), now: .seconds(15)))
        #expect(a.timings.renewDeadline < a.timings.leaseDuration)
    }

    @Test mutating func releaseLetsAStandbyTakeOverAtOnce() throws {
        let record = held(by: "a", renewed: wall)
        _ = b.decide(current: record, now: .zero, wallClock: wall)
        let released = try #require(a.release(record, wallClock: wall.addingTimeInterval(1)))
        guard case .write(let taken) = b.decide(current: released, now: .seconds(1), wallClock: wall) else {
            Issue.record("expected an immediate takeover"); return
        }
        #expect(taken.holderIdentity == "b")
        #expect(b.release(record, wallClock: wall) == nil)  // only the holder releases
    }
}
