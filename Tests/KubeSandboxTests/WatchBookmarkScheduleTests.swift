import KubeModel
import KubeSandbox
import Testing

/// The BOOKMARKs the API server schedules for a watch that allows them, on the sandbox's clock:
/// about every minute, 2 s before the watch's deadline, and only at a resourceVersion newer than
/// where the watch started. A test write to a watched object marks where the clock stood.
@Suite struct WatchBookmarkScheduleTests {
    let base = "/api/v1/namespaces/default/configmaps"
    /// No controllers: nothing but the test writes.
    static let quiet = SandboxOptions(controllers: false)

    /// Opens a watch of `base` from the current resourceVersion.
    func openWatch(_ client: SandboxClient, _ parameters: String, bookmarks: Bool = true) async throws -> WatchEvents {
        let version = try #require(try await client.get(base).json["metadata"]?["resourceVersion"]?.stringValue)
        return try await client.watch("\(base)?watch=true&resourceVersion=\(version)\(bookmarks ? "&allowWatchBookmarks=true" : "")\(parameters)")
    }

    /// Changes the marker: its MODIFIED event follows whatever the watch got before.
    func mark(_ client: SandboxClient, _ value: String) async throws {
        #expect(try await client.mergePatch("\(base)/marker", ["data": ["key": .string(value)]]).status == 200)
    }

    /// The clock moves on in steps well clear of the due times: the wall clock runs on too.
    @Test func aLongWatchGetsOneEveryMinuteThenTwoJustBeforeItsDeadline() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("marker")).status == 201)
            var events = try await openWatch(client, "&timeoutSeconds=300")
            let start = String(await sandbox.resourceVersion())
            await sandbox.advanceClock(by: .seconds(30))
            try await mark(client, "30 s")
            #expect(try await events.next()?["type"] == "MODIFIED", "no bookmark in the first 30 s")

            for elapsed in [90, 150] {
                let latest = String(await sandbox.resourceVersion())
                await sandbox.advanceClock(by: .seconds(60))
                try await mark(client, "\(elapsed) s")
                let minute = try await events.next(2)
                #expect(minute.map { $0["type"] } == ["BOOKMARK", "MODIFIED"], "by \(elapsed) s")
                #expect(minute.first?["object"]?["metadata"]?["resourceVersion"]?.stringValue == latest)
                #expect(minute.first?["object"]?["kind"] == "ConfigMap")
                #expect(minute.first?["object"]?["metadata"]?["annotations"] == nil)
                #expect(latest != start)
            }

            // At 180 s and 240 s, then 298 s (2 s before the deadline) in the 1-second bucket it
            // falls in and, once served there, in the next one too; then the deadline ends the watch.
            await sandbox.advanceClock(by: .seconds(150))
            var rest: [JSONValue] = []
            while let event = try await events.next() { rest.append(event) }
            #expect(rest.map { $0["type"] } == ["BOOKMARK", "BOOKMARK", "BOOKMARK", "BOOKMARK"])
            #expect(await sandbox.openWatchCount() == 0)
        }
    }

    /// Without `timeoutSeconds` (or with 0) the API server ends a watch after a random time
    /// between `--min-request-timeout` (30 min) and twice that; a negative one ends it at once.
    @Test(.timeLimit(.minutes(1)), arguments: ["", "&timeoutSeconds=0"])
    func aWatchWithoutATimeoutEndsBetween30And60Minutes(parameters: String) async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("marker")).status == 201)
            var events = try await openWatch(client, parameters, bookmarks: false)
            await sandbox.advanceClock(by: .seconds(1_799))
            try await mark(client, "29:59")
            #expect(try await events.next()?["type"] == "MODIFIED", "still open before 30 minutes")
            await sandbox.advanceClock(by: .seconds(1_802))
            #expect(try await events.next() == nil, "ended by 60 minutes")
            #expect(await sandbox.openWatchCount() == 0)

            var negative = try await openWatch(client, "&timeoutSeconds=-1", bookmarks: false)
            #expect(try await negative.next() == nil)
        }
    }

    @Test func anIdleClusterGetsNoBookmarks() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("marker")).status == 201)
            var events = try await openWatch(client, "&timeoutSeconds=65")
            await sandbox.advanceClock(by: .seconds(65))
            #expect(try await events.next() == nil, "the watch ends without a bookmark")

            var unbounded = try await openWatch(client, "")
            await sandbox.advanceClock(by: .seconds(61))
            try await mark(client, "61 s")
            #expect(try await unbounded.next()?["type"] == "MODIFIED", "no bookmark while the resourceVersion stood still")
            // Without timeoutSeconds the deadline is 30 to 60 minutes away: a bookmark every minute,
            // once there is news.
            await sandbox.advanceClock(by: .seconds(60))
            let bookmark = try #require(try await unbounded.next())
            #expect(bookmark["type"] == "BOOKMARK")
            #expect(bookmark["object"]?["metadata"]?["resourceVersion"]?.stringValue == String(await sandbox.resourceVersion()))
        }
    }

    /// A watch shorter than a minute gets no periodic bookmark, only those before its deadline.
    @Test func aShortWatchGetsItsBookmarksBeforeTheDeadlineOnlyIfTheClusterMovedOn() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("marker")).status == 201)
            var idle = try await openWatch(client, "&timeoutSeconds=30")
            await sandbox.advanceClock(by: .seconds(30))
            #expect(try await idle.next() == nil)

            var moved = try await openWatch(client, "&timeoutSeconds=30")
            // A write the watch does not see (another namespace) still moves the resourceVersion on.
            #expect(try await client.post("/api/v1/namespaces/kube-public/configmaps", Fixtures.configMap("elsewhere")).status == 201)
            await sandbox.advanceClock(by: .seconds(30))
            // 28 s (2 s before the deadline) is due in the bucket it falls in and, once served
            // there, in the next one too.
            var events: [JSONValue] = []
            while let event = try await moved.next() { events.append(event) }
            #expect(events.map { $0["type"] } == ["BOOKMARK", "BOOKMARK"])
            let latest = String(await sandbox.resourceVersion())
            #expect(events.allSatisfy { $0["object"]?["metadata"]?["resourceVersion"]?.stringValue == latest })
        }
    }

    @Test func withoutABookmarkIntervalNoneAreScheduled() async throws {
        var options = Self.quiet
        options.bookmarkInterval = nil
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("marker")).status == 201)
            var events = try await openWatch(client, "&timeoutSeconds=65")
            try await mark(client, "0 s")
            await sandbox.advanceClock(by: .seconds(65))
            var all: [JSONValue] = []
            while let event = try await events.next() { all.append(event) }
            #expect(all.map { $0["type"] } == ["MODIFIED"])
        }
    }
}
