import Foundation
import KubeModel

/// The values a templated request takes from this server rather than the recorded one: the
/// uid/resourceVersion of objects the sandbox returned, continue tokens, list resourceVersions,
/// ServiceAccount tokens and the replay's own webhook.
struct Templating {
    /// The latest state the sandbox returned for each object, by `kind/namespace/name`.
    private var objects: [String: JSONValue] = [:]
    private var lastContinue: String?
    private var lastListResourceVersion: String?
    /// Values named by path placeholders (`<rv before cm-f>`), set by hidden setup steps.
    var named: [String: String] = [:]
    private var serviceAccountToken: String?
    /// The webhook the replay runs itself (URL prefix `https://127.0.0.1:PORT` and CA bundle).
    var webhook: (origin: String, caBundle: String)?

    /// Remembers what a sandbox response says about objects, lists and tokens.
    mutating func observe(_ body: JSONValue?) {
        guard let body, let kind = body["kind"]?.stringValue else { return }
        if kind.hasSuffix("List"), let items = body["items"]?.arrayValue {
            lastListResourceVersion = body["metadata"]?["resourceVersion"]?.stringValue ?? lastListResourceVersion
            lastContinue = body["metadata"]?["continue"]?.stringValue
            let itemKind = String(kind.dropLast(4))
            for item in items { remember(item, kind: item["kind"]?.stringValue ?? itemKind) }
        } else if kind == "TokenRequest" {
            serviceAccountToken = body["status"]?["token"]?.stringValue ?? serviceAccountToken
        } else if kind != "Status" {
            remember(body, kind: kind)
        }
    }

    private mutating func remember(_ object: JSONValue, kind: String) {
        guard let name = object["metadata"]?["name"]?.stringValue else { return }
        objects[Self.key(kind, object["metadata"]?["namespace"]?.stringValue, name)] = object
    }

    func object(kind: String, namespace: String?, name: String) -> JSONValue? {
        objects[Self.key(kind, namespace, name)]
    }

    private static func key(_ kind: String, _ namespace: String?, _ name: String) -> String {
        "\(kind)/\(namespace ?? "")/\(name)"
    }

    // MARK: Substitution

    /// The path with `<...>` placeholders and `$RV` replaced (`rv` is the list rv taken just before).
    func path(_ path: String, rv: String? = nil) -> String {
        var result = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result += rest[..<open]
            let placeholder = String(rest[rest.index(after: open)..<close])
            result += value(for: placeholder).map(Self.queryEscaped) ?? "<\(placeholder)>"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        if let rv { result = result.replacingOccurrences(of: "$RV", with: rv) }
        return result
    }

    private func value(for placeholder: String) -> String? {
        if placeholder.hasPrefix("token from page") { return lastContinue }
        if placeholder == "list rv" { return lastListResourceVersion }
        return named[placeholder]
    }

    private static func queryEscaped(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// The body with placeholders taken from the sandbox's state of the same object (an owner
    /// reference's uid from the owner), and the webhook's URL and CA bundle.
    func body(_ body: JSONValue, path: String) -> JSONValue {
        let namespace = Self.namespace(inPath: path) ?? body["metadata"]?["namespace"]?.stringValue
        var current: JSONValue?
        if let kind = body["kind"]?.stringValue, let name = body["metadata"]?["name"]?.stringValue {
            current = object(kind: kind, namespace: namespace, name: name)
        }
        var result = body
        if var metadata = result["metadata"], let references = metadata["ownerReferences"]?.arrayValue {
            metadata["ownerReferences"] = .array(references.map { reference in
                guard reference["uid"]?.stringValue == "<uid>", let kind = reference["kind"]?.stringValue,
                      let name = reference["name"]?.stringValue,
                      let uid = object(kind: kind, namespace: namespace, name: name)?["metadata"]?["uid"]
                else { return reference }
                var reference = reference
                reference["uid"] = uid
                return reference
            })
            result["metadata"] = metadata
        }
        result = fill(result, from: current)
        return withWebhook(result)
    }

    private static let placeholders: Set<String> = ["<uid>", "<rv>", "<time>", "<ip>", "<port>"]

    /// Each placeholder takes the value at the same place in `current`; without one it is dropped.
    private func fill(_ value: JSONValue, from current: JSONValue?) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object {
                if let text = member.stringValue, Self.placeholders.contains(text) {
                    if let replacement = current?[key], !replacement.isNull { result[key] = replacement }
                    continue
                }
                result[key] = fill(member, from: current?[key])
            }
            return .object(result)
        case .array(let array):
            let currentArray = current?.arrayValue ?? []
            return .array(array.enumerated().map { index, element in
                if let text = element.stringValue, Self.placeholders.contains(text) {
                    return currentArray.indices.contains(index) ? currentArray[index] : element
                }
                return fill(element, from: currentArray.indices.contains(index) ? currentArray[index] : nil)
            })
        default:
            return value
        }
    }

    /// Webhook client configs pointing at the recorded harness's webhook point at ours instead
    /// (not those with another scheme, or at port 9, where nothing listens).
    private func withWebhook(_ body: JSONValue) -> JSONValue {
        guard let webhook, var webhooks = body["webhooks"]?.arrayValue else { return body }
        for index in webhooks.indices {
            guard var config = webhooks[index]["clientConfig"], let url = config["url"]?.stringValue,
                  let components = URLComponents(string: url), components.scheme == "https", components.host == "127.0.0.1",
                  components.port != 9
            else { continue }
            config["url"] = .string(webhook.origin + components.path)
            config["caBundle"] = .string(webhook.caBundle)
            webhooks[index]["clientConfig"] = config
        }
        var body = body
        body["webhooks"] = .array(webhooks)
        return body
    }

    /// A recorded ServiceAccount token is replaced by the one this sandbox issued.
    func headers(_ headers: [String: String]) -> [String: String] {
        guard let token = serviceAccountToken, let authorization = headers["Authorization"],
              authorization.hasPrefix("Bearer eyJ")
        else { return headers }
        var headers = headers
        headers["Authorization"] = "Bearer \(token)"
        return headers
    }

    static func namespace(inPath path: String) -> String? {
        let components = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        guard let index = components.firstIndex(of: "namespaces"), index + 2 < components.count else { return nil }
        return components[index + 1]
    }
}
