import KubeModel

/// The events of one watch request, as they arrive. The sequence ends when the server ends
/// the watch (its `timeoutSeconds`); errors (410 Gone, idle timeout, a broken connection)
/// are thrown. Stopping iteration or cancelling the task closes the request.
public struct WatchStream<Object: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = WatchEvent<Object>

    let body: ResponseBody
    let maxEventBytes: Int

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: body.makeAsyncIterator(), framer: JSONStreamFramer(maxFrameBytes: maxEventBytes))
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var body: ResponseBody.AsyncIterator
        var framer: JSONStreamFramer
        var ready: [[UInt8]] = []
        var finished = false

        public mutating func next() async throws -> WatchEvent<Object>? {
            while ready.isEmpty {
                guard !finished, let chunk = try await body.next() else {
                    if framer.hasPartialFrame, !finished {
                        finished = true
                        throw KubeError.transport(TransportError(kind: .connectionLost, message: "the watch ended inside an event"))
                    }
                    finished = true
                    return nil
                }
                ready = try framer.append(chunk).reversed()
            }
            guard let frame = ready.popLast() else { return nil }
            do {
                return try WatchEvent<Object>.decode(frame: frame)
            } catch {
                finished = true
                throw error
            }
        }
    }
}

extension ResourceClient {
    /// Watches the objects (in this client's namespace, or all), starting from
    /// `options.resourceVersion`. Throws at once if the server refuses the watch (a `.gone`
    /// for a resourceVersion too old).
    public func watch(_ options: WatchOptions = WatchOptions()) async throws -> WatchStream<Object> {
        try await openWatch(options, accept: "application/json")
    }

    func openWatch<Item>(_ options: WatchOptions, accept: String) async throws -> WatchStream<Item> {
        let request = APIRequest(method: "GET", path: resource.path(namespace: namespace), query: options.query, accept: accept,
            idempotent: true)
        let response = try await client.openStream(request, idleTimeout: options.idleTimeout)
        return WatchStream(body: response.body, maxEventBytes: client.options.maxEventBytes)
    }
}
