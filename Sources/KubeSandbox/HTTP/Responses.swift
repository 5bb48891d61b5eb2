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
        return json(status.json, code: status.code, headers: headers)
    }

    /// The object's metadata alone, as `PartialObjectMetadata`.
    static func partialMetadata(_ object: JSONValue) -> JSONValue {
        ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? .object([:])]
    }
}

/// What the client asked to receive, from its Accept header.
enum ResponseView: Equatable {
    case full
    /// `as=PartialObjectMetadata` or `as=PartialObjectMetadataList` (group meta.k8s.io, v1).
    case metadataOnly
    /// `as=Table` (group meta.k8s.io), what `kubectl get` asks for: offered only for resources
    /// with printer columns (CRDs'); otherwise the next media range (plain JSON) is served.
    case table

    /// Picks the first media range the sandbox can serve; nil when none (406).
    init?(accept: String?, tables: Bool = false) {
        guard let accept, !accept.isEmpty else { self = .full; return }
        for range in accept.split(separator: ",") {
            let parameters = range.split(separator: ";").map { String($0).trimmingWhitespace }
            guard let type = parameters.first, ["application/json", "*/*", "application/*", "application/yaml"].contains(type) else { continue }
            let asValue = parameters.dropFirst().first { $0.hasPrefix("as=") }.map { String($0.dropFirst(3)) }
            switch asValue {
            case nil: self = .full; return
            case "PartialObjectMetadata"?, "PartialObjectMetadataList"?: self = .metadataOnly; return
            case "Table"? where tables: self = .table; return
            default: continue
            }
        }
        return nil
    }
}

extension HTTPField.Name {
    static let warning = HTTPField.Name("Warning")!
}
