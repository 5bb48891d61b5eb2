import KubeModel
import Testing
@testable import KubeClient

@Suite struct WatchEventTests {
    @Test func decodesTypedEventsAndBookmarks() throws {
        let frames = JSONStreamFramerTests.expectedFrames
        let added = try WatchEvent<ConfigMap>.decode(frame: frames[0])
        guard case .added(let object) = added else { Issue.record("expected ADDED, got \(added)"); return }
        #expect(object.metadata.name == "a")
        #expect(object.data?["k"] == "{not [a] brace}")
        let modified = try WatchEvent<ConfigMap>.decode(frame: frames[1])
        #expect(modified.object?.data?["q"] == #"say "}" ok \"#)
        guard case .bookmark(let bookmark) = try WatchEvent<ConfigMap>.decode(frame: frames[2]) else {
            Issue.record("expected a bookmark"); return
        }
        #expect(bookmark.resourceVersion == "3")
        guard case .deleted = try WatchEvent<JSONValue>.decode(frame: frames[3]) else { Issue.record("expected DELETED"); return }
    }

    @Test func errorEventsAreThrownWithTheirStatus() {
        let gone = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}"#
        do {
            _ = try WatchEvent<JSONValue>.decode(frame: Array(gone.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.isGone)
            #expect(error.status?.message == "too old resource version: 1 (5)")
        }
        let failure = #"{"type":"ERROR","object":{"kind":"Status","status":"Failure","message":"boom","reason":"InternalError","code":500}}"#
        do {
            _ = try WatchEvent<JSONValue>.decode(frame: Array(failure.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(!error.isGone)
            #expect(error.statusCode == 500)
        }
    }

    @Test func decodingErrorsNameTheTypeAndField() {
        let frame = #"{"type":"ADDED","object":{"metadata":{"name":7}}}"#
        do {
            _ = try WatchEvent<ConfigMap>.decode(frame: Array(frame.utf8))
            Issue.record("expected an error")
        } catch {
            guard case .decoding(let type, let field, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(type == "ConfigMap")
            #expect(field == "metadata.name")
            #expect(error.description.hasPrefix("cannot decode ConfigMap at metadata.name: "))
        }
    }
}
