import Hummingbird
import KubeModel
import KubeSchema

extension SandboxResponder {
    /// A watch: one JSON event per line, streamed (chunked) until the timeout, the client
    /// leaving, or the sandbox dropping watches. Bookmarks come every `bookmarkInterval` when set.
    func watch(_ type: ServedResource, namespace: String?, query: QueryParameters, view: ResponseView) async throws -> Response {
        let listQuery = try Self.listQuery(query, type, watch: true)
        let timeout = query["timeoutSeconds"].flatMap(Int.init).flatMap { $0 > 0 ? Duration.seconds($0) : nil }
        let (id, stream) = await store.watch(type, namespace: namespace, query: listQuery)
        let store = self.store
        let interval = options.bookmarkInterval
        let schemas = options.schemas
        let body = ResponseBody { writer in
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    if let timeout {
                        group.addTask {
                            try await Task.sleep(for: timeout)
                            await store.endWatch(id)
                        }
                    }
                    if let interval {
                        group.addTask {
                            while true {
                                try await Task.sleep(for: interval)
                                await store.bookmark(id)
                            }
                        }
                    }
                    for await message in stream {
                        let line = Self.eventLine(message, type, view: view, schemas: schemas)
                        try await writer.write(ByteBuffer(string: line))
                    }
                    group.cancelAll()
                }
            } catch {
                // The client went away; end the watch below.
            }
            await store.endWatch(id)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: body)
    }

    static func eventLine(_ message: WatchMessage, _ type: ServedResource, view: ResponseView, schemas: OpenAPISchemas? = nil) -> String {
        let event: JSONValue
        switch message {
        case .event(let kind, let object):
            event = ["type": .string(kind), "object": watchedObject(object, type, view: view, schemas: schemas)]
        case .bookmark(let revision, let initialEventsEnd):
            var metadata: JSONObject = ["resourceVersion": .string(String(revision)), "creationTimestamp": .null]
            if initialEventsEnd { metadata["annotations"] = ["k8s.io/initial-events-end": "true"] }
            let object: JSONValue = view.isMetadataOnly
                ? ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata)]
                : ["kind": .string(type.kind), "apiVersion": .string(type.apiVersion), "metadata": .object(metadata)]
            event = ["type": "BOOKMARK", "object": object]
        case .error(let status):
            event = ["type": "ERROR", "object": status.json]
        }
        return event.jsonText() + "\n"
    }
}
