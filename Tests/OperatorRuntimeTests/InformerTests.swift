import KubeClient
import KubeModel
import Logging
import ShipshapeTesting
import Synchronization
import Testing

@testable import OperatorRuntime

func object(_ name: String, _ version: String) -> JSONValue {
    ["metadata": ["name": .string(name), "namespace": "ns", "resourceVersion": .string(version), "managedFields": [["manager": "x"]]]]
}

@Suite struct InformerTests {
    @Test("lists page by page, watches, relists on 410 and swaps the store whole")
    func listWatchRelist() async throws {
        let script = ScriptedSource([
            .page([object("a", "1")], continueToken: "next", version: "5"),
            .page([object("b", "2")], continueToken: nil, version: "5"),
            .events([.added(object("c", "6"), resourceVersion: "6"), .deleted(object("a", "7"), resourceVersion: "7"),
                     .bookmark(resourceVersion: "9")], thenFail: KubeError.gone(Status(message: "too old"))),
            .page([object("d", "10")], continueToken: nil, version: "10"),
        ])
        let changes = Mutex<[String]>([])
        let informer = Informer<JSONValue>(source: script.source, transform: { ListWatchSource.trimmed($0) }, handler: { change in
            let text: String
            switch change {
            case .relisted(let old, let new): text = "relisted \(old.keys.sorted().map(\.description)) -> \(new.keys.sorted().map(\.description))"
            case .upserted(let old, let new): text = "upserted \(new.objectKey) \(old == nil ? "new" : "changed")"
            case .deleted(let old): text = "deleted \(old.objectKey)"
            }
            changes.withLock { $0.append(text) }
        }, logger: Logger(label: "test"))
        let running = Task { await informer.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while changes.withLock({ $0.count }) < 4, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        running.cancel()
        await running.value
        #expect(script.calls.withLock { $0 }.prefix(4) == ["list -", "list next", "watch 5", "list -"])
        #expect(changes.withLock { $0 }.prefix(4) == [
            "relisted [] -> [\"ns/a\", \"ns/b\"]", "upserted ns/c new", "deleted ns/a", "relisted [\"ns/b\", \"ns/c\"] -> [\"ns/d\"]",
        ])
        #expect(informer.hasSynced)
        #expect(informer.store.get(ObjectKey(namespace: "ns", name: "d"))?["metadata"]?["managedFields"] == nil)
    }
}

@Suite struct InformerBackoffTests {
    /// The waits the informer sleeps on `clock`, advancing past each, `count` of them.
    func waits(_ count: Int, on clock: ManualClock) async -> [Duration] {
        var waits: [Duration] = []
        for _ in 0..<count {
            guard await clock.waitForSleepers(1), let deadline = clock.nextDeadline else { break }
            let wait = deadline.offset - clock.now.offset
            waits.append(wait)
            clock.advance(by: wait)
        }
        return waits
    }

    @Test("an unavailable server is retried on the short schedule, other failures on the long one")
    func twoSchedules() async {
        let clock = ManualClock()
        let refused = KubeError.transport(TransportError(kind: .connect, message: "refused"))
        let denied = KubeError.api(Status(message: "forbidden", reason: "Forbidden", code: 403))
        let script = ScriptedSource([.fail(refused), .fail(refused), .fail(refused), .fail(refused), .fail(denied),
                                     .page([object("a", "1")], continueToken: nil, version: "1")])
        let informer = Informer<JSONValue>(source: script.source, transform: { $0 }, clock: clock, random: { 1 }, logger: Logger(label: "test"))
        let running = Task { await informer.run() }
        let waits = await waits(5, on: clock)
        #expect(waits == [.milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .milliseconds(12_800)])
        #expect(await clock.waitUntil { informer.hasSynced })
        running.cancel()
        await running.value
    }

    @Test("a watch that closes at once with nothing delivered backs off instead of spinning")
    func watchClosedAtOnce() async {
        let clock = ManualClock()
        let script = ScriptedSource([.page([], continueToken: nil, version: "1"), .events([], thenFail: nil), .events([], thenFail: nil)])
        let informer = Informer<JSONValue>(source: script.source, transform: { $0 }, clock: clock, random: { 1 }, logger: Logger(label: "test"))
        let running = Task { await informer.run() }
        #expect(await waits(1, on: clock) == [.milliseconds(200)])
        #expect(await waits(1, on: clock) == [.milliseconds(400)])
        #expect(script.calls.withLock { $0 }.prefix(3) == ["list -", "watch 1", "watch 1"])
        running.cancel()
        await running.value
    }

    @Test("a server's Retry-After is waited")
    func retryAfter() async {
        let clock = ManualClock()
        let throttled = KubeError.api(Status(message: "storage is (re)initializing", reason: "TooManyRequests",
                                             details: StatusDetails(retryAfterSeconds: 3), code: 429))
        let script = ScriptedSource([.fail(throttled), .page([], continueToken: nil, version: "1")])
        let informer = Informer<JSONValue>(source: script.source, transform: { $0 }, clock: clock, random: { 1 }, logger: Logger(label: "test"))
        let running = Task { await informer.run() }
        #expect(await waits(1, on: clock) == [.seconds(3)])
        #expect(await clock.waitUntil { informer.hasSynced })
        running.cancel()
        await running.value
    }
}
