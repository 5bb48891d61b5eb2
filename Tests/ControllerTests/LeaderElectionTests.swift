import Foundation
import Testing
@testable import Controller

@Suite struct LeaderElectionTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)
    let a = LeaderElection(identity: "a")
    let b = LeaderElection(identity: "b")

    @Test func theFirstCandidateCreatesTheLease() {
        guard case .write(let record) = a.decide(current: nil, now: t0) else { Issue.record("expected a write"); return }
        #expect(record.holderIdentity == "a")
        #expect(record.leaseDurationSeconds == 15)
        #expect(record.leaseTransitions == 0)
    }

    @Test func othersFollowUntilTheLeaseExpires() throws {
        let held = LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15, acquireTime: t0, renewTime: t0, leaseTransitions: 0)
        #expect(b.decide(current: held, now: t0.addingTimeInterval(14.9)) == .follow(holder: "a"))
        guard case .write(let taken) = b.decide(current: held, now: t0.addingTimeInterval(15)) else {
            Issue.record("expected a takeover"); return
        }
        #expect(taken.holderIdentity == "b")
        #expect(taken.leaseTransitions == 1)
    }

    @Test func theLeaderRenews() {
        let held = LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15, acquireTime: t0, renewTime: t0, leaseTransitions: 3)
        guard case .write(let renewed) = a.decide(current: held, now: t0.addingTimeInterval(2)) else {
            Issue.record("expected a renewal"); return
        }
        #expect(renewed.renewTime == t0.addingTimeInterval(2))
        #expect(renewed.acquireTime == t0)
        #expect(renewed.leaseTransitions == 3)
    }

    @Test func aLeaderThatCannotRenewStepsDown() {
        #expect(!a.mustStepDown(lastRenewal: t0, now: t0.addingTimeInterval(9.9)))
        #expect(a.mustStepDown(lastRenewal: t0, now: t0.addingTimeInterval(10)))
    }

    @Test func releaseLetsAStandbyTakeOverAtOnce() throws {
        let held = LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15, acquireTime: t0, renewTime: t0, leaseTransitions: 0)
        let released = try #require(a.release(held, now: t0.addingTimeInterval(1)))
        #expect(released.isVacant(at: t0.addingTimeInterval(1)))
        guard case .write(let taken) = b.decide(current: released, now: t0.addingTimeInterval(1)) else {
            Issue.record("expected an immediate takeover"); return
        }
        #expect(taken.holderIdentity == "b")
        #expect(b.release(held, now: t0) == nil)  // only the holder releases
    }
}
