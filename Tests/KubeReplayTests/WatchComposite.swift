import Foundation
import KubeModel

/// Watch scenarios: open the watch (after a list for `$RV`), make the recorded changes, and
/// compare the event sequence on type, kind, name and the fields the recording selected.
extension Replayer {
    mutating func watch(_ replayCase: ReplayCase) async throws -> CaseResult {
        var result = CaseResult(replayCase: replayCase)
        if replayCase.seq == 440 { try await resumeSetup() }
        let rv = replayCase.path.contains("$RV") ? try await listResourceVersion("/api/v1/namespaces/fid-watch/configmaps") : nil
        let path = templating.path(replayCase.path, rv: rv)
        let timeout = Self.queryValue("timeoutSeconds", in: path).flatMap(Int.init)
        let capture = WatchCapture()
        var watchHeaders = replayCase.headers
        if let adminToken { watchHeaders["Authorization"] = "Bearer " + adminToken }
        let reader = Task { [http, baseURL, headers = watchHeaders] in
            await capture.read(http, url: baseURL + path, headers: headers, limit: Int64(timeout ?? 4) + 2)
        }
        defer { reader.cancel() }
        await capture.wait(upTo: .seconds(2)) { $0.status != nil }
        // Watch events start after the response head; give the stream a moment to register.
        await capture.wait(upTo: .milliseconds(100)) { $0.eventCount > 0 || $0.closed }
        for action in replayCase.request["actions"]?.arrayValue ?? [] {
            var headers: [String: String] = [:]
            for (name, value) in action["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue }
            let observed = try await send(action["method"]?.stringValue ?? "GET", action["path"]?.stringValue ?? "",
                                          headers: headers, body: action["body"].flatMap { $0.isNull ? nil : $0 })
            templating.observe(observed.json)
        }
        // The OpenShift-only ConfigMap is not Kubernetes behaviour (README): its events are dropped.
        let realEvents = (replayCase.real["events"]?.arrayValue ?? []).filter { $0["name"]?.stringValue != Normalization.openShiftObject }
        if let timeout, timeout <= 5 {
            await capture.wait(upTo: .seconds(timeout + 2)) { $0.closed }
        } else if let timeout {
            try await passTime(timeout)
            await capture.wait(upTo: .seconds(2)) { $0.closed }
        } else {
            await capture.wait(upTo: .seconds(2)) { $0.closed || $0.eventCount >= realEvents.count && realEvents.count > 0 }
            await capture.wait(upTo: .milliseconds(realEvents.isEmpty ? 500 : 150)) { $0.closed || $0.eventCount > realEvents.count }
        }
        reader.cancel()
        let status = await capture.status, events = await capture.events, errorBody = await capture.errorBody
        let closed = await capture.closed

        if let realStatus = replayCase.realStatus, realStatus != status {
            result.differences.append(Difference("status", real: .integer(realStatus), sandbox: status.map(JSONValue.integer)))
        }
        if let timeout, !closed {
            result.differences.append(Difference("closedAfter", real: .integer(timeout), sandbox: "open"))
        }
        let raw = replayCase.real["rawFirst"]?.arrayValue?.first
        result.realMessage = raw?["httpBody"]?["message"]?.stringValue ?? raw?["object"]?["message"]?.stringValue
        if let realHTTP = realEvents.first?["http"] {
            result.sandboxMessage = errorBody?["message"]?.stringValue
            Comparison.walk(realHTTP, errorBody.map(Self.statusSummary), path: "http", ignore: [], into: &result.differences)
            return result
        }
        result.sandboxMessage = events.first { $0["type"] == "ERROR" }?["object"]?["message"]?.stringValue
        let summaries = events.enumerated().map { index, event in
            Self.summary(event, like: realEvents.indices.contains(index) ? realEvents[index] : realEvents.last)
        }
        if summaries.count != realEvents.count {
            result.differences.append(Difference("events", real: .array(realEvents), sandbox: .array(summaries)))
        } else {
            Comparison.walk(.array(realEvents), .array(summaries), path: "events", ignore: [], into: &result.differences)
        }
        return result
    }

    /// 440's recorded preparation: create `resume`, then change it twice; the watch starts at the create.
    private mutating func resumeSetup() async throws {
        let created = try await create("fid-watch", Self.configMap("resume", labels: ["w": "yes"]))
        templating.named["rv returned by the create"] = created?["metadata"]?["resourceVersion"]?.stringValue
        for value in ["changed-1", "changed-2"] {
            _ = try await send("PATCH", "/api/v1/namespaces/fid-watch/configmaps/resume",
                               headers: ["Content-Type": "application/merge-patch+json"], body: ["data": ["k": .string(value)]])
        }
    }

    /// An event reduced to the members `recorded` has: type, kind, name, and fields of the object.
    static func summary(_ event: JSONValue, like recorded: JSONValue?) -> JSONValue {
        let object = Normalization.normalize(event["object"] ?? .null, fullManagedFields: true)
        var summary = JSONObject()
        for key in recorded?.objectValue?.keys ?? ["type", "kind", "name"] {
            switch key {
            case "type": summary[key] = event["type"] ?? .null
            case "kind": summary[key] = object["kind"] ?? .null
            case "name": summary[key] = object["metadata"]?["name"] ?? .null
            default:
                let components = key.split(separator: ".").map(String.init)
                let direct = components.reduce(Optional(object)) { $0?[$1] }
                let inMetadata = components.reduce(object["metadata"]) { $0?[$1] }
                summary[key] = Normalization.normalize(direct ?? inMetadata ?? .null, fullManagedFields: true)
            }
        }
        return .object(summary)
    }

    /// An error answer the way the recording summarises it.
    static func statusSummary(_ status: JSONValue) -> JSONValue {
        let causes = (status["details"]?["causes"]?.arrayValue ?? []).map { cause -> JSONValue in
            [cause["reason"] ?? .null, cause["field"] ?? .null]
        }
        return [
            "status": status["status"] ?? .null, "reason": status["reason"] ?? .null, "code": status["code"] ?? .null,
            "details.name": status["details"]?["name"] ?? .null, "details.group": status["details"]?["group"] ?? .null,
            "details.kind": status["details"]?["kind"] ?? .null, "causes": .array(causes),
        ]
    }

    static func queryValue(_ name: String, in path: String) -> String? {
        URLComponents(string: path)?.queryItems?.first { $0.name == name }?.value
    }
}
