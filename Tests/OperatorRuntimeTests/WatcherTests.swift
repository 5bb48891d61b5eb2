import KubeClient
import KubeModel
import Logging
import ShipshapeTesting
import Testing

@testable import OperatorRuntime

@Suite struct WatcherTests {
    /// `kind ns/name…` for one event.
    static func describe(_ event: Watcher<JSONValue>.Element?) -> String {
        switch event {
        case .restarted(let objects)?: return "restarted " + objects.map(\.objectKey.description).joined(separator: " ")
        case .applied(let object)?: return "applied \(object.objectKey)"
        case .deleted(let object)?: return "deleted \(object.objectKey)"
        case nil: return "end"
        }
    }

    @Test("yields whole lists and watch events, relists after 410, and asks the server only when asked for an event")
    func pullsEvents() async {
        let script = ScriptedSource([
            .page([object("a", "1")], continueToken: "next", version: "5"),
            .page([object("b", "2")], continueToken: nil, version: "5"),
            .events([.added(object("c", "6"), resourceVersion: "6"), .bookmark(resourceVersion: "8"),
                     .deleted(object("a", "9"), resourceVersion: "9")], thenFail: KubeError.gone(Status(message: "too old"))),
            .page([object("d", "10")], continueToken: nil, version: "10"),
        ])
        let calls = { script.calls.withLock { $0 } }
        var events = Watcher(source: script.source, logger: Logger(label: "test")).makeAsyncIterator()
        #expect(calls() == [])
        #expect(Self.describe(await events.next()) == "restarted ns/a ns/b")
        #expect(calls() == ["list -", "list next"])   // no watch opened before the next event is asked for
        #expect(Self.describe(await events.next()) == "applied ns/c")
        #expect(Self.describe(await events.next()) == "deleted ns/a")   // the bookmark is no event
        #expect(calls() == ["list -", "list next", "watch 5"])
        #expect(Self.describe(await events.next()) == "restarted ns/d")
        #expect(calls() == ["list -", "list next", "watch 5", "list -"])
    }

    @Test("a watch that ends resumes from the last version seen, bookmarks included")
    func resumes() async {
        let script = ScriptedSource([
            .page([], continueToken: nil, version: "1"),
            .events([.added(object("a", "2"), resourceVersion: "2"), .bookmark(resourceVersion: "7")], thenFail: nil),
            .events([.modified(object("a", "8"), resourceVersion: "8")], thenFail: nil),
        ])
        var events = Watcher(source: script.source, logger: Logger(label: "test")).makeAsyncIterator()
        #expect(Self.describe(await events.next()) == "restarted ")
        #expect(Self.describe(await events.next()) == "applied ns/a")
        #expect(Self.describe(await events.next()) == "applied ns/a")
        #expect(script.calls.withLock { $0 } == ["list -", "watch 1", "watch 7"])
    }

    @Test("iteration ends when the task is cancelled, also while backing off")
    func endsOnCancellation() async {
        let clock = ManualClock()
        let script = ScriptedSource([.page([], continueToken: nil, version: "1")])   // then every call fails
        let watcher = Watcher(source: script.source, clock: clock, random: { 1 }, logger: Logger(label: "test"))
        let running = Task {
            var described: [String] = []
            for await event in watcher { described.append(Self.describe(event)) }
            return described
        }
        #expect(await clock.waitForSleepers(1))
        running.cancel()
        #expect(await running.value == ["restarted "])
    }
}
