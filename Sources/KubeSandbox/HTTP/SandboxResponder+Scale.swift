import Hummingbird
import KubeModel

extension SandboxResponder {
    /// GET, PUT and PATCH (merge, strategic merge or JSON patch) of a `scale` subresource.
    func handleScale(_ request: Request, _ type: ServedResource, namespace: String, name: String, verb: String,
                     options write: WriteOptions) async throws -> Response {
        switch verb {
        case "get":
            return Responses.json(try await store.scale(type, namespace: namespace, name: name))
        case "update":
            let body = try await Self.body(request)
            return Responses.json(try await store.writeScale(type, namespace: namespace, name: name, body: body, format: nil, options: write))
        case "patch":
            let contentType = request.headers[.contentType] ?? ""
            guard let format = PatchFormat(contentType: contentType) else { throw SandboxError.api(.unsupportedMediaType(contentType)) }
            let body = try await Self.body(request, yaml: format == .apply)
            return Responses.json(try await store.writeScale(type, namespace: namespace, name: name, body: body, format: format, options: write))
        default:
            throw SandboxError.api(.methodNotAllowed("the server does not allow this method on the requested resource"))
        }
    }
}
