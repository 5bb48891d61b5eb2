import HTTPTypes
import Hummingbird
import KubeModel
import NIOCore

/// JSON responses, Status bodies and the metadata-only (PartialObjectMetadata) views.
enum Responses {
    static func json(_ value: JSONValue, code: Int = 200, warnings: [String] = [], headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        for warning in warnings {
            headers.append(HTTPField(name: .warning, value: "299 - " + JSONValue.string(warning).jsonText()))
        }
        headers.append(contentsOf: extra)
        return Response(status: HTTPResponse.Status(code: code), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonText())))
    }

    static func status(_ status: APIStatus) -> Response {
        var headers: HTTPFields = [:]
        if let retryAfter = status.retryAfterSeconds { headers[.retryAfter] = String(retryAfter) }
        return json(status.json, code: status.code, warnings: status.warnings, headers: headers)
    }

    /// The object's metadata alone, as `PartialObjectMetadata` (of `meta.k8s.io/v1` or `v1beta1`).
    static func partialMetadata(_ object: JSONValue, version: String = "v1") -> JSONValue {
        ["kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/" + version), "metadata": object["metadata"] ?? .object([:])]
    }
}

/// What the client asked to receive, from its Accept header.
enum ResponseView: Equatable {
    case full
    /// `as=PartialObjectMetadata` or `as=PartialObjectMetadataList` (group meta.k8s.io, `v=v1`
    /// or `v1beta1`).
    case metadataOnly(version: String)
    /// `as=Table` (group meta.k8s.io, `v=v1` or `v1beta1`), what `kubectl get` asks for.
    case table(version: String)

    var isMetadataOnly: Bool {
        if case .metadataOnly = self { return true }
        return false
    }

    /// The meta.k8s.io version of a metadata-only or Table answer.
    var metaVersion: String {
        switch self {
        case .full: return "v1"
        case .metadataOnly(let version), .table(let version): return version
        }
    }

    /// Picks the first media range the sandbox can serve; nil when none (406).
    init?(accept: String?) {
        guard let accept, !accept.isEmpty else { self = .full; return }
        for range in accept.split(separator: ",") {
            let parameters = range.split(separator: ";").map { String($0).trimmingWhitespace }
            guard let type = parameters.first, ["application/json", "*/*", "application/*", "application/yaml"].contains(type) else { continue }
            let value = { (name: String) in parameters.dropFirst().first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } }
            let version = value("v") ?? "v1"
            guard value("as") == nil || (value("g") == "meta.k8s.io" && ["v1", "v1beta1"].contains(version)) else { continue }
            switch value("as") {
            case nil: self = .full; return
            case "PartialObjectMetadata"?, "PartialObjectMetadataList"?: self = .metadataOnly(version: version); return
            case "Table"?: self = .table(version: version); return
            default: continue
            }
        }
        return nil
    }
}

extension HTTPField.Name {
    static let warning = HTTPField.Name("Warning")!
}
