import HTTPTypes
import Hummingbird
import KubeModel
import NIOCore

extension SandboxResponder {
    /// Whether the first media range of `accept` the sandbox serves is plain protobuf (not a
    /// Table or metadata-only view), as client-go's typed clients ask for built-in kinds.
    static func prefersProtobuf(_ accept: String?) -> Bool {
        for range in (accept ?? "").split(separator: ",") {
            let parameters = range.split(separator: ";").map { String($0).trimmingWhitespace }
            guard let type = parameters.first else { continue }
            if type == ProtobufEncoder.contentType { return !parameters.contains { $0.hasPrefix("as=") } }
            if ["application/json", "*/*", "application/*", "application/yaml"].contains(type) { return false }
        }
        return false
    }

    /// Whether a client accepting protobuf alone is answered: single objects are encoded (lists,
    /// watches and deletions are not, and get 406).
    static func answersProtobuf(_ accept: String?, verb: String) -> Bool {
        prefersProtobuf(accept) && ["get", "create", "update", "patch"].contains(verb)
    }

    /// The object in protobuf when the client prefers it and the sandbox encodes its kind; nil
    /// otherwise (the answer is then JSON).
    static func protobufResponse(_ object: JSONValue, accept: String?, code: Int = 200, warnings: [String] = []) -> Response? {
        guard prefersProtobuf(accept), let bytes = ProtobufEncoder.bytes(for: object) else { return nil }
        var headers: HTTPFields = [.contentType: ProtobufEncoder.contentType]
        for warning in warnings {
            headers.append(HTTPField(name: .warning, value: "299 - " + JSONValue.string(warning).jsonText()))
        }
        return Response(status: HTTPResponse.Status(code: code), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
