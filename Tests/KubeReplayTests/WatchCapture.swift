import AsyncHTTPClient
import KubeModel
import NIOCore

/// A watch stream read in the background: its status, its events as they arrive, and whether the
/// server ended it.
actor WatchCapture {
    private(set) var status: Int?
    private(set) var errorBody: JSONValue?
    private(set) var events: [JSONValue] = []
    private(set) var closed = false

    /// Reads `path` until the server ends the stream or `limit` passes.
    func read(_ http: HTTPClient, url: String, headers: [String: String], limit: Int64) async {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: Replayer.userAgent)
        request.headers.add(name: "Accept", value: headers["Accept"] ?? "application/json")
        if let authorization = headers["Authorization"] { request.headers.add(name: "Authorization", value: authorization) }
        do {
            let response = try await http.execute(request, timeout: .seconds(limit))
            status = Int(response.status.code)
            if response.status.code != 200 {
                let buffer = try await response.body.collect(upTo: 1 << 20)
                errorBody = try? JSONValue(parsingJSON: String(buffer: buffer))
                closed = true
                return
            }
            var pending: [UInt8] = []
            for try await buffer in response.body {
                pending.append(contentsOf: buffer.readableBytesView)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    if let event = try? JSONValue(parsingJSON: line) { events.append(event) }
                }
            }
            closed = true
        } catch {
            // The deadline or a cancellation: the stream stays "not closed by the server".
        }
    }

    /// Polls `condition` every 20 ms until it holds or `limit` passes; true when it held.
    @discardableResult
    func wait(upTo limit: Duration, until condition: (Snapshot) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition(snapshot) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(snapshot)
    }

    struct Snapshot: Sendable {
        let status: Int?
        let eventCount: Int
        let closed: Bool
    }

    var snapshot: Snapshot { Snapshot(status: status, eventCount: events.count, closed: closed) }
}
