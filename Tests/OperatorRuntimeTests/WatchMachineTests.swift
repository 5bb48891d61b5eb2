import Testing
@testable import OperatorRuntime

@Suite struct WatchMachineTests {
    typealias Machine = WatchMachine<String>

    @Test func listsPageByPageThenWatchesFromTheListVersion() {
        var machine = Machine()
        #expect(machine.nextRequest == .list(continueToken: nil))
        #expect(machine.step(.listPage(items: ["a", "b"], continueToken: "p2", resourceVersion: "10")) == nil)
        #expect(machine.nextRequest == .list(continueToken: "p2"))
        let event = machine.step(.listPage(items: ["c"], continueToken: nil, resourceVersion: "12"))
        guard case .restarted(let all)? = event else { Issue.record("expected restarted"); return }
        #expect(all == ["a", "b", "c"])
        #expect(machine.nextRequest == .watch(resourceVersion: "12"))
    }

    @Test func eventsAndBookmarksAdvanceTheResumeVersion() {
        var machine = Machine()
        _ = machine.step(.listPage(items: [], continueToken: nil, resourceVersion: "1"))
        guard case .applied("x")? = machine.step(.added("x", resourceVersion: "2")) else { Issue.record("applied"); return }
        #expect(machine.step(.bookmark(resourceVersion: "7")) == nil)
        #expect(machine.nextRequest == .watch(resourceVersion: "7"))
        guard case .deleted("x")? = machine.step(.deleted("x", resourceVersion: "8")) else { Issue.record("deleted"); return }
        #expect(machine.step(.watchClosed) == nil)
        #expect(machine.nextRequest == .watch(resourceVersion: "8"))  // resume, not relist
    }

    @Test func goneRelistsFromScratch() {
        var machine = Machine()
        _ = machine.step(.listPage(items: ["a"], continueToken: nil, resourceVersion: "5"))
        _ = machine.step(.gone)
        #expect(machine.nextRequest == .list(continueToken: nil))
        // An expired continue token mid-list restarts the list too.
        _ = machine.step(.listPage(items: ["a"], continueToken: "t", resourceVersion: "9"))
        _ = machine.step(.gone)
        #expect(machine.nextRequest == .list(continueToken: nil))
    }

    @Test func failuresRetryTheSameRequestAfterBackoff() {
        var machine = Machine()
        _ = machine.step(.listPage(items: [], continueToken: nil, resourceVersion: "3"))
        #expect(Machine.needsBackoff(after: .failed))
        #expect(!Machine.needsBackoff(after: .watchClosed))
        #expect(machine.step(.failed) == nil)
        #expect(machine.nextRequest == .watch(resourceVersion: "3"))
    }

    @Test func aListWithoutAResourceVersionIsListedAgainNotWatchedFromNow() {
        var machine = Machine()
        let page = Machine.Input.listPage(items: ["a"], continueToken: nil, resourceVersion: "")
        #expect(machine.step(page) == nil)
        #expect(Machine.needsBackoff(after: page))
        #expect(machine.nextRequest == .list(continueToken: nil))
        #expect(!Machine.needsBackoff(after: .listPage(items: [], continueToken: "more", resourceVersion: "")))
    }

    @Test func answersThatDoNotFitTheRequestAreIgnored() {
        var machine = Machine()
        #expect(machine.step(.added("stray", resourceVersion: "1")) == nil)
        #expect(machine.nextRequest == .list(continueToken: nil))
    }
}

extension WatchMachine.Event: Equatable where Object: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.restarted(let a), .restarted(let b)): return a == b
        case (.applied(let a), .applied(let b)), (.deleted(let a), .deleted(let b)): return a == b
        default: return false
        }
    }
}
