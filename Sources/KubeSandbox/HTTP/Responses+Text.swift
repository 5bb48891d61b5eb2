import HTTPTypes
import Hummingbird
import NIOCore

extension Responses {
    /// A `text/plain` answer, as the API server gives outside the API (health, unknown paths).
    static func plainText(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .xContentTypeOptions: "nosniff"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// What the API server answers for a path no API group version serves: plain text, not a Status.
    static var pageNotFound: Response { plainText("404 page not found\n", status: .notFound) }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
