import AsyncHTTPClient
import Foundation
import KubeModel
import KubeSchema
import KubeSandbox
import NIOCore
import NIOHTTP1
import NIOSSL

/// A response as the tests look at it.
struct APIResponse {
    var status: Int
    var headers: HTTPHeaders
    var text: String
    var json: JSONValue { (try? JSONValue(parsingJSON: text)) ?? .null }
}

/// A tiny HTTP(S) client over AsyncHTTPClient for talking to a sandbox in tests: as the sandbox's
/// admin (its bearer token) unless `admin` is false, then with `headers` and `http`'s TLS alone.
struct SandboxClient {
    let baseURL: String
    let http: HTTPClient
    var headers: [(String, String)] = []

    init(_ sandbox: KubeSandbox, http: HTTPClient = .shared, headers: [(String, String)] = [], admin: Bool = true) {
        self.baseURL = sandbox.url
        self.http = http
        self.headers = (admin ? [("Authorization", "Bearer " + sandbox.adminToken)] : []) + headers
    }

    func send(_ method: HTTPMethod, _ path: String, body: JSONValue? = nil, text: String? = nil,
              contentType: String = "application/json", accept: String? = nil) async throws -> APIResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        if let payload = text ?? body?.jsonText() {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: payload))
        }
        let response = try await http.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: String(buffer: buffer))
    }

    func get(_ path: String, accept: String? = nil) async throws -> APIResponse { try await send(.GET, path, accept: accept) }
    func post(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await send(.POST, path, body: body) }
    func put(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await send(.PUT, path, body: body) }
    func delete(_ path: String, _ body: JSONValue? = nil) async throws -> APIResponse { try await send(.DELETE, path, body: body) }
    func mergePatch(_ path: String, _ body: JSONValue) async throws -> APIResponse {
        try await send(.PATCH, path, body: body, contentType: "application/merge-patch+json")
    }
    func apply(_ path: String, yaml: String) async throws -> APIResponse {
        try await send(.PATCH, path, text: yaml, contentType: "application/apply-patch+yaml")
    }

    /// Opens a watch and returns its events, one parsed JSON line at a time.
    func watch(_ path: String, accept: String? = nil) async throws -> WatchEvents {
        var request = HTTPClientRequest(url: baseURL + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        let response = try await http.execute(request, timeout: .seconds(20))
        return WatchEvents(status: Int(response.status.code), iterator: response.body.makeAsyncIterator())
    }
}

/// The lines of a watch stream, however the bytes arrive.
struct WatchEvents {
    let status: Int
    var iterator: HTTPClientResponse.Body.AsyncIterator
    var pending: [UInt8] = []

    init(status: Int, iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.status = status
        self.iterator = iterator
    }

    /// The next event, or nil when the server ended the stream.
    mutating func next() async throws -> JSONValue? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return try JSONValue(parsingJSON: line)
            }
            guard let buffer = try await iterator.next() else { return nil }
            pending.append(contentsOf: buffer.readableBytesView)
        }
    }

    /// The next `count` events.
    mutating func next(_ count: Int) async throws -> [JSONValue] {
        var events: [JSONValue] = []
        while events.count < count, let event = try await next() { events.append(event) }
        return events
    }
}

enum Fixtures {
    /// The Kubernetes 1.36 OpenAPI documents, beside the repository as CI clones it.
    static let schemas: OpenAPISchemas? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? OpenAPISchemas(directory: root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)
    }()

    static func configMap(_ name: String, labels: JSONValue = [:], data: JSONValue = ["key": "value"]) -> JSONValue {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "labels": labels], "data": data]
    }

    static func deployment(_ name: String, replicas: Int = 1) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
            "spec": [
                "replicas": .integer(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": ["containers": [["name": "app", "image": "registry.example.com/app:1.0"]]],
                ],
            ],
        ]
    }
}
