import HTTPTypes
import Hummingbird
import KubeModel
import NIOCore

extension SandboxResponder {
    /// `/openapi/v2` (JSON only: a client asking for the protobuf form alone gets 406 and uses
    /// OpenAPI v3), `/openapi/v3` and `/openapi/v3/<group version path>`.
    func serveOpenAPI(_ path: String, accept: String?) async throws -> Response {
        let catalog = await store.catalog
        switch path {
        case "v2":
            guard Self.acceptsJSON(accept) else {
                throw SandboxError.api(APIStatus(code: 406, reason: "NotAcceptable",
                                                 message: "only the following media types are accepted: application/json"))
            }
            return Responses.json(try await openAPI.swagger(catalog))
        case "v3":
            // The API server writes the index without naming it JSON.
            return Self.raw(Array(try await openAPI.index(catalog).jsonText().utf8), contentType: "text/plain; charset=utf-8")
        default:
            guard path.hasPrefix("v3/"), let document = try await openAPI.document(at: String(path.dropFirst(3)), catalog) else {
                throw SandboxError.api(.notFoundPath(path))
            }
            return Self.raw(document.bytes, contentType: "application/json")
        }
    }

    private static func acceptsJSON(_ accept: String?) -> Bool {
        guard let accept, !accept.isEmpty else { return true }
        return accept.split(separator: ",").contains { range in
            let type = range.split(separator: ";").first.map { String($0).trimmingWhitespace } ?? ""
            return ["application/json", "application/*", "*/*"].contains(type)
        }
    }

    private static func raw(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
