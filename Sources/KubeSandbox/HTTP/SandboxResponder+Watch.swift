import Hummingbird
import KubeModel
import KubeSchema

extension SandboxResponder {
    /// A watch: one JSON event per line, streamed (chunked) until the timeout (on the sandbox's
    /// clock), the client leaving, or the sandbox dropping watches. Scheduled bookmarks come as
    /// the API server sends them (see `WatchSchedule`).
    func watch(_ type: ServedResource, namespace: String?, query: QueryParameters, view: ResponseView) async throws -> Response {
        let listQuery = try Self.listQuery(query, type, watch: true)
        let timeout = Self.watchTimeout(query["timeoutSeconds"].flatMap(Int.init), minRequestTimeout: options.minRequestTimeout)
        let (id, stream) = await store.watch(type, namespace: namespace, query: listQuery, timeout: timeout)
        let store = self.store
        let schemas = options.schemas
        let body = ResponseBody { writer in
            do {
                for await message in stream {
                    let line = Self.eventLine(message, type, view: view, schemas: schemas)
                    try await writer.write(ByteBuffer(string: line))
                }
            } catch {
                // The client went away; end the watch below.
            }
            await store.endWatch(id)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: body)
    }

    /// How long a watch lasts, as the API server decides it: `timeoutSeconds` when given and not 0
    /// (a negative one ends the watch at once), else a random time between `minRequestTimeout`
    /// and twice that, which spreads reconnections out.
    static func watchTimeout(_ timeoutSeconds: Int?, minRequestTimeout: Duration) -> Duration {
        if let timeoutSeconds, timeoutSeconds != 0 { return .seconds(timeoutSeconds) }
        return minRequestTimeout * (1 + Double.random(in: 0..<1))
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
