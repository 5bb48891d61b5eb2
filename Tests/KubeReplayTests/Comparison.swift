import KubeModel

/// What the sandbox answered to one request.
struct Observed: Sendable {
    var status: Int
    var warning: String?
    var text: String
    var json: JSONValue? { try? JSONValue(parsingJSON: text) }
}

/// One place where the sandbox disagrees with the real server.
struct Difference: Sendable, CustomStringConvertible {
    let path: String
    let real: String
    let sandbox: String
    var description: String { "\(path): real \(real), sandbox \(sandbox)" }

    init(_ path: String, real: JSONValue?, sandbox: JSONValue?) {
        self.path = path
        self.real = real.map { $0.jsonText() } ?? "<absent>"
        self.sandbox = sandbox.map { $0.jsonText() } ?? "<absent>"
    }
}

/// The README's comparison of a recorded answer with the sandbox's.
enum Comparison {
    static func differences(_ replayCase: ReplayCase, _ observed: Observed) -> [Difference] {
        var differences: [Difference] = []
        if let status = replayCase.realStatus, status != observed.status {
            differences.append(Difference("status", real: .integer(status), sandbox: .integer(observed.status)))
        }
        if let warning = replayCase.real["headers"]?["Warning"]?.stringValue, warning != observed.warning {
            differences.append(Difference("header Warning", real: .string(warning), sandbox: observed.warning.map(JSONValue.string)))
        }
        guard replayCase.mode != .code, let realBody = replayCase.realBody else { return differences }
        if let text = realBody["_text"]?.stringValue {
            // Plain-text answers were recorded up to 2000 characters.
            let sandboxText = String(observed.text.prefix(2000))
            if sandboxText != text { differences.append(Difference("body(text)", real: .string(text), sandbox: .string(sandboxText))) }
            return differences
        }
        if let summary = realBody["_summarized"] {
            walk(summary, openAPISummary(observed.json), path: "body(summary)", ignore: [], into: &differences)
            return differences
        }
        if replayCase.summary == "oa3", let recorded = replayCase.comparedReal {
            // The OpenAPI index was compared by which documents it lists: the hashes in its URLs
            // digest each server's own documents.
            walk(recorded, openAPIIndexSummary(observed.json, like: recorded), path: "body(summary)", ignore: [], into: &differences)
            return differences
        }
        let full = replayCase.fullManagedFields
        let real = Normalization.normalize(realBody, fullManagedFields: full)
        guard let parsed = observed.json else {
            differences.append(Difference("body", real: "JSON", sandbox: .string(String(observed.text.prefix(120)))))
            return differences
        }
        let sandbox = Normalization.normalize(parsed, fullManagedFields: full)
        if real["kind"]?.stringValue == "Status" {
            let prefix = replayCase.body?["metadata"]?["generateName"]?.stringValue
            differences += statusDifferences(Normalization.generatedName(in: real, prefix: prefix),
                                             Normalization.generatedName(in: sandbox, prefix: prefix))
        } else if replayCase.mode == .names {
            differences += keyDifferences(real, sandbox)
        } else {
            if real["items"] != nil { differences += keyDifferences(real, sandbox) }
            walk(real, sandbox, path: "", ignore: replayCase.ignore, into: &differences)
        }
        return differences
    }

    /// OpenAPI documents were recorded as their version and whether they describe Deployments.
    static func openAPISummary(_ document: JSONValue?) -> JSONValue {
        let deployment = "io.k8s.api.apps.v1.Deployment"
        if let swagger = document?["swagger"] {
            return ["swagger": swagger, "hasDeployment": .bool(document?["definitions"]?[deployment] != nil)]
        }
        return ["openapi": document?["openapi"] ?? .null,
                "hasDeployment": .bool(document?["components"]?["schemas"]?[deployment] != nil)]
    }

    /// The OpenAPI index as recorded: `{"has apis/apps/v1": true, ...}` for each path the recording checked.
    static func openAPIIndexSummary(_ index: JSONValue?, like recorded: JSONValue) -> JSONValue {
        var summary = JSONObject()
        for key in recorded.objectValue?.keys ?? [] where key.hasPrefix("has ") {
            summary[key] = .bool(index?["paths"]?[String(key.dropFirst(4))] != nil)
        }
        return .object(summary)
    }

    /// A Status matches on status, reason, code, details.name/group/kind and the set of causes.
    static func statusDifferences(_ real: JSONValue, _ sandbox: JSONValue) -> [Difference] {
        var differences: [Difference] = []
        for path in ["kind", "status", "reason", "code", "details.name", "details.group", "details.kind"] {
            let components = path.split(separator: ".").map(String.init)
            let realValue = components.reduce(Optional(real)) { $0?[$1] }
            let sandboxValue = components.reduce(Optional(sandbox)) { $0?[$1] }
            if !same(realValue ?? .null, sandboxValue ?? .null) {
                differences.append(Difference(path, real: realValue, sandbox: sandboxValue))
            }
        }
        let realCauses = causes(real), sandboxCauses = causes(sandbox)
        if realCauses != sandboxCauses {
            differences.append(Difference("details.causes", real: .array(realCauses.map(JSONValue.string)),
                                          sandbox: .array(sandboxCauses.map(JSONValue.string))))
        }
        return differences
    }

    private static func causes(_ status: JSONValue) -> [String] {
        (status["details"]?["causes"]?.arrayValue ?? []).map { cause in
            "\(cause["reason"]?.stringValue ?? "") \(cause["field"]?.stringValue ?? "")"
        }.sorted()
    }

    /// A list's item keys (`namespace/name`, in order), from `items` or a Table's `rows`.
    static func itemKeys(_ list: JSONValue) -> [String] {
        let items = list["items"]?.arrayValue ?? list["rows"]?.arrayValue?.compactMap { $0["object"] } ?? []
        return items.map { item in
            let metadata = item["metadata"]
            let name = metadata?["name"]?.stringValue ?? ""
            guard let namespace = metadata?["namespace"]?.stringValue else { return name }
            return "\(namespace)/\(name)"
        }
    }

    private static func keyDifferences(_ real: JSONValue, _ sandbox: JSONValue) -> [Difference] {
        let realKeys = itemKeys(real), sandboxKeys = itemKeys(sandbox)
        guard realKeys != sandboxKeys else { return [] }
        return [Difference("items(keys)", real: .array(realKeys.map(JSONValue.string)), sandbox: .array(sandboxKeys.map(JSONValue.string)))]
    }

    /// Every field of both sides, skipping ignored paths.
    static func walk(_ real: JSONValue?, _ sandbox: JSONValue?, path: String, ignore: [String], into differences: inout [Difference]) {
        if !path.isEmpty, ignore.contains(where: { IgnorePattern.matches($0, path) }) { return }
        switch (real, sandbox) {
        case (.object(let realObject)?, .object(let sandboxObject)?):
            var keys = realObject.keys
            keys += sandboxObject.keys.filter { realObject[$0] == nil }
            for key in keys {
                walk(realObject[key], sandboxObject[key], path: path.isEmpty ? key : "\(path).\(key)", ignore: ignore, into: &differences)
            }
        case (.array(let realArray)?, .array(let sandboxArray)?):
            for index in 0..<max(realArray.count, sandboxArray.count) {
                walk(realArray.indices.contains(index) ? realArray[index] : nil,
                     sandboxArray.indices.contains(index) ? sandboxArray[index] : nil,
                     path: "\(path)[\(index)]", ignore: ignore, into: &differences)
            }
        default:
            if let real, let sandbox, same(real, sandbox) { return }
            if real == nil && sandbox == nil { return }
            differences.append(Difference(path.isEmpty ? "body" : path, real: real, sandbox: sandbox))
        }
    }

    /// Equal, with 1 and 1.0 the same number.
    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }
}

/// `compare.ignore` paths: `*` matches any run of characters (trailing: a prefix), `[#]` any index.
enum IgnorePattern {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func matches(_ pattern: ArraySlice<Unicode.Scalar>, _ path: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "*" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var tail = path
            while true {
                if matches(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        if pattern.starts(with: ["[", "#", "]"]), path.first == "[" {
            let digits = path.dropFirst().prefix { $0.properties.numericType != nil }
            let after = path.dropFirst(1 + digits.count)
            guard !digits.isEmpty, after.first == "]" else { return false }
            return matches(pattern.dropFirst(3), after.dropFirst())
        }
        guard path.first == first else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
