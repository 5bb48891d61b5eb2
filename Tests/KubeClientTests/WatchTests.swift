import Foundation
import KubeModel
import Testing
@testable import KubeClient

@Suite(.timeLimit(.minutes(1))) struct WatchTests {
    @Test func eventsArriveWhateverTheChunkingAndTheWatchEndsWithTheServer() async throws {
        let stream = Array(JSONStreamFramerTests.recorded.utf8)
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            var offset = 0
            var size = 1
            while offset < stream.count {
                connection.chunk(Array(stream[offset..<min(offset + size, stream.count)]))
                offset += size
                size = size * 3 % 97 + 1
            }
            connection.endChunks()
        }
        let api = try makeClient(server).resource(ConfigMap.self, namespace: "shop")
        var kinds: [String] = []
        for try await event in try await api.watch(WatchOptions(resourceVersion: "0", timeoutSeconds: 30)) {
            switch event {
            case .added: kinds.append("added")
            case .modified: kinds.append("modified")
            case .deleted: kinds.append("deleted")
            case .bookmark(let bookmark): kinds.append("bookmark \(bookmark.resourceVersion)")
            }
        }
        #expect(kinds == ["added", "modified", "bookmark 3", "deleted"])
        #expect(server.requests.first?.query == "watch=true&resourceVersion=0&allowWatchBookmarks=true&timeoutSeconds=30")
    }

    @Test func goneIsItsOwnErrorAsAStatusOrAnEvent() async throws {
        let server = try LoopbackServer { request, connection in
            if request.query.contains("resourceVersion=1&") {
                connection.respond(410, json: #"{"kind":"Status","code":410,"reason":"Expired","message":"too old"}"#)
            } else {
                connection.startChunked()
                connection.chunk(Array(#"{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old"}}"#.utf8))
                connection.endChunks()
            }
        }
        let api = try makeClient(server).resource(ResourceType.configMaps, namespace: "shop")
        await #expect(throws: KubeError.gone(Status(message: "too old", reason: "Expired", code: 410).withKind("Status"))) {
            _ = try await api.watch(WatchOptions(resourceVersion: "1"))
        }
        let stream = try await api.watch(WatchOptions(resourceVersion: "2"))
        await #expect(throws: KubeError.gone(Status(message: "too old", reason: "Expired", code: 410).withKind("Status"))) {
            for try await _ in stream {}
        }
    }

    @Test func aSilentConnectionFailsWithTheIdleTimeout() async throws {
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            connection.chunk(Array(#"{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"5"}}}"#.utf8))
            connection.waitForClose()
        }
        let api = try makeClient(server).resource(ConfigMap.self, namespace: "shop")
        let stream = try await api.watch(WatchOptions(idleTimeout: .milliseconds(300)))
        var iterator = stream.makeAsyncIterator()
        guard case .bookmark = try await iterator.next() else { Issue.record("expected the bookmark"); return }
        do {
            _ = try await iterator.next()
            Issue.record("expected an idle timeout")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .idleTimeout)
        }
    }

    @Test func metadataWatchAsksForPartialObjects() async throws {
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            connection.chunk(Array(#"{"type":"ADDED","object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"db"}}}"#.utf8))
            connection.endChunks()
        }
        let api = try makeClient(server).resource(ResourceType.secrets, namespace: "shop")
        var names: [String?] = []
        for try await event in try await api.watchMetadata() { names.append(event.object?.metadata.name) }
        #expect(names == ["db"])
        #expect(server.requests.first?.headers["accept"] == "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json")
    }

    @Test func stoppingIterationClosesTheConnection() async throws {
        let closed = Locked(false)
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            connection.chunk(Array(#"{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"5"}}}"#.utf8))
            connection.waitForClose()
            closed.withLock { $0 = true }
        }
        let api = try makeClient(server).resource(ConfigMap.self, namespace: "shop")
        for try await _ in try await api.watch() { break }
        let deadline = ContinuousClock.now + .seconds(5)
        while !closed.withLock({ $0 }), ContinuousClock.now < deadline { await Task.yield() }
        #expect(closed.withLock { $0 })
    }
}
