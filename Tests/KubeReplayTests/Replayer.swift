import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1

/// The outcome of one case.
struct CaseResult: Sendable {
    let replayCase: ReplayCase
    var differences: [Difference] = []
    var realMessage: String?
    var sandboxMessage: String?
    /// Why the case could not be replayed at all (it then counts as disagreeing).
    var notReplayed: String?

    var agrees: Bool { differences.isEmpty && notReplayed == nil }
}

/// Replays the recorded cases in order against one sandbox.
struct Replayer {
    static let userAgent = "fid-harness/1.0 (linux/amd64) kubernetes/fidelity"

    let baseURL: String
    let http: HTTPClient
    /// The bearer token requests carry unless a case brings its own credentials or is
    /// anonymous (the recording harness was a cluster admin).
    let adminToken: String?
    var templating = Templating()
    /// Called before each case: lets the sandbox's controllers catch up with every earlier write,
    /// so an outcome never depends on how busy the machine is (the recording's controllers had
    /// caught up in all but the cases `ReplayExpectations` lists as controller timing).
    var settle: @Sendable () async -> Void = {}
    /// Holds the sandbox's controllers back (true) or releases them and lets them catch up (false).
    var holdControllers: @Sendable (Bool) async -> Void = { _ in }
    /// Moves the sandbox's controller clock on (delayed controller work falls due) and settles.
    var advanceClock: @Sendable (Duration) async -> Void = { _ in }

    init(baseURL: String, http: HTTPClient = .shared, adminToken: String? = nil) {
        self.baseURL = baseURL
        self.http = http
        self.adminToken = adminToken
    }

    mutating func run(_ cases: [ReplayCase]) async throws -> [CaseResult] {
        var results: [CaseResult] = []
        for replayCase in cases {
            try await runHiddenSteps(before: replayCase.seq)
            await settle()
            if Self.readsBeforeControllersAct[replayCase.seq + 1] != nil { await holdControllers(true) }
            switch replayCase.kind {
            case .http: results.append(try await replay(replayCase))
            case .composite: results.append(try await composite(replayCase))
            }
            if Self.readsBeforeControllersAct[replayCase.seq] != nil { await holdControllers(false) }
        }
        return results
    }

    /// Sends one `kind: http` case (templated) and compares the answer.
    mutating func replay(_ replayCase: ReplayCase) async throws -> CaseResult {
        let templated = replayCase.templated != nil
        let path = templated ? templating.path(replayCase.path) : replayCase.path
        var body = replayCase.body
        if templated, replayCase.method == "PUT", body?["metadata"]?["name"] != nil {
            // The recording took the resourceVersion/uid from a GET made just before (README).
            templating.observe(try await send("GET", Self.objectPath(path)).json)
        }
        if let object = body, object.objectValue != nil, templated || templating.webhook != nil {
            body = templated ? templating.body(object, path: path) : templating.body(object, path: "")
        }
        body = body.map { Self.inferredBody(replayCase, $0) }
        let observed = try await send(replayCase.method, path, headers: templating.headers(replayCase.headers), body: body,
                                      anonymous: replayCase.id.contains("-anonymous-"))
        templating.observe(observed.json)
        var result = CaseResult(replayCase: replayCase, differences: Comparison.differences(replayCase, observed))
        result.realMessage = replayCase.realBody?["message"]?.stringValue
        result.sandboxMessage = observed.json?["message"]?.stringValue
        return result
    }

    /// One request with the harness's default headers (as admin unless `anonymous` or `headers`
    /// has an Authorization); a string body is sent as it is.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: JSONValue? = nil,
              anonymous: Bool = false) async throws -> Observed {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "User-Agent", value: Self.userAgent)
        request.headers.add(name: "Accept", value: headers["Accept"] ?? "application/json")
        for (name, value) in headers where name != "Accept" { request.headers.add(name: name, value: value) }
        if !anonymous, headers["Authorization"] == nil, let adminToken {
            request.headers.add(name: "Authorization", value: "Bearer " + adminToken)
        }
        if let body {
            if headers["Content-Type"] == nil { request.headers.add(name: "Content-Type", value: "application/json") }
            request.body = .bytes(ByteBuffer(string: body.stringValue ?? body.jsonText()))
        }
        let response = try await http.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        let warnings = response.headers["Warning"]
        return Observed(status: Int(response.status.code), warning: warnings.isEmpty ? nil : warnings.joined(separator: ", "),
                        text: String(buffer: buffer))
    }

    /// The object a request path names: without a subresource and query.
    static func objectPath(_ path: String) -> String {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        for subresource in ["/status", "/scale"] where bare.hasSuffix(subresource) {
            return String(bare.dropLast(subresource.count))
        }
        return bare
    }

    /// The resourceVersion of a list of `path` now.
    func listResourceVersion(_ path: String) async throws -> String? {
        try await send("GET", path).json?["metadata"]?["resourceVersion"]?.stringValue
    }
}
