import Hummingbird
import KubeModel

extension SandboxResponder {
    /// GET, PUT and PATCH (merge, strategic merge or JSON patch) of a custom resource's `/scale`.
    func handleCustomResourceScale(_ request: Request, _ type: ResourceType, path: APIRoute.ResourcePath, query: QueryParameters,
                     verb: String) async throws -> Response {
        guard let name = path.name else { throw SandboxError.api(.notFoundPath("scale")) }
        let namespace = path.namespace ?? ""
        let write = WriteOptions(fieldManager: query["fieldManager"], fieldValidation: options.fieldValidation,
                                 dryRun: query["dryRun"] == "All")
        switch verb {
        case "get":
            return Responses.json(try await store.customResourceScale(type, namespace: namespace, name: name))
        case "update":
            let body = try await Self.body(request)
            return Responses.json(try await store.setCustomResourceScale(type, namespace: namespace, name: name, to: body, options: write))
        case "patch":
            let contentType = request.headers[.contentType] ?? ""
            guard let format = PatchFormat(contentType: contentType), format != .apply else {
                throw SandboxError.api(.unsupportedMediaType(contentType))
            }
            let patch = try await Self.body(request)
            let current = try await store.customResourceScale(type, namespace: namespace, name: name)
            let patched = format == .json ? try JSONPatch.apply(patch, to: current) : MergePatch.apply(patch, to: current)
            return Responses.json(try await store.setCustomResourceScale(type, namespace: namespace, name: name, to: patched, options: write))
        default:
            throw SandboxError.api(.methodNotAllowed("the server does not allow this method on the requested resource"))
        }
    }
}
