import Hummingbird
import KubeModel
import NIOCore
import NIOSSL

/// The request context: Hummingbird's core storage plus the channel, to read the TLS peer's
/// client certificate from.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Answers every request: authentication and authorization, injected delays and faults, the
/// request log, then the Kubernetes API itself (discovery, resources, watches).
struct SandboxResponder: HTTPResponder {
    let store: ClusterStore
    let journal: RequestJournal
    let options: SandboxOptions
    let webhookCaller: WebhookCaller
    let tokens: TokenAuthority
    let openAPI: OpenAPIPublisher

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        let query = QueryParameters(request.uri.query ?? "")
        let route = APIRoute(path: path)
        var record = RequestRecord(
            method: method, verb: Self.verb(method: method, route: route, query: query), path: path,
            query: request.uri.query ?? "", contentType: request.headers[.contentType],
            accept: request.headers[.accept], user: nil, status: 0, clientPort: context.channel.remoteAddress?.port)
        var response = await respond(to: request, context: context, route: route, query: query, record: &record)
        if let failure = store.storage.failure {
            response = Responses.status(APIStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(failure)"))
        }
        record.status = response.status.code
        await journal.record(record)
        return response
    }

    private func respond(to request: Request, context: SandboxRequestContext, route: APIRoute?,
                         query: QueryParameters, record: inout RequestRecord) async -> Response {
        let user: AuthenticatedUser
        do { user = try await admit(request, context, route: route, verb: record.verb, name: &record.user) } catch {
            if case .api(let status) = error { return Responses.status(status) }
            return Responses.status(APIStatus(code: 500, reason: "InternalError", message: error.description))
        }
        if let delay = await journal.delay(method: record.method, path: record.path) {
            try? await Task.sleep(for: delay)
        }
        if let fault = await journal.takeFault(method: record.method, path: record.path) {
            return Responses.status(fault.apiStatus)
        }
        guard let route else { return Responses.pageNotFound }
        do {
            if let answer = try await authAPI(request, route: route, verb: record.verb, user: user) { return answer }
            var request = request
            try await preventEscalation(&request, route: route, verb: record.verb, user: user)
            try await authorizeCreateOnPatch(request, route: route, verb: record.verb, user: user)
            try await enforceOwnerReferencePermissions(&request, route: route, verb: record.verb, user: user)
            return try await handle(request, route: route, query: query, verb: record.verb, user: user)
        } catch let error as SandboxError {
            if case .api(let status) = error { return Responses.status(status) }
            return Responses.status(APIStatus(code: 500, reason: "InternalError", message: error.description))
        } catch {
            return Responses.status(APIStatus(code: 500, reason: "InternalError", message: "\(error)"))
        }
    }

    static func verb(method: String, route: APIRoute?, query: QueryParameters) -> String {
        guard case .resource(let path)? = route else {
            switch route {
            case .coreVersions?, .groups?, .group?, .resources?: return "discovery"
            default: return "other"
            }
        }
        let collection = path.name == nil
        switch method {
        case "GET": return collection ? (query.flag("watch") || path.legacyWatch ? "watch" : "list") : "get"
        case "POST": return "create"
        case "PUT": return "update"
        case "PATCH": return "patch"
        case "DELETE": return collection ? "deletecollection" : "delete"
        default: return "other"
        }
    }
}
