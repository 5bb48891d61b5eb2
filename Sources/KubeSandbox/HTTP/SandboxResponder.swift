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

/// Answers every request: authentication, injected delays and faults, the request log, then the
/// Kubernetes API itself (discovery, resources, watches).
struct SandboxResponder: HTTPResponder {
    let store: ClusterStore
    let journal: RequestJournal
    let options: SandboxOptions

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        let query = QueryParameters(request.uri.query ?? "")
        let route = APIRoute(path: path)
        var record = RequestRecord(
            method: method, verb: Self.verb(method: method, route: route, query: query), path: path,
            query: request.uri.query ?? "", contentType: request.headers[.contentType],
            accept: request.headers[.accept], user: nil, status: 0, clientPort: context.channel.remoteAddress?.port)
        let response = await respond(to: request, context: context, route: route, query: query, record: &record)
        record.status = response.status.code
        await journal.record(record)
        return response
    }

    private func respond(to request: Request, context: SandboxRequestContext, route: APIRoute?,
                         query: QueryParameters, record: inout RequestRecord) async -> Response {
        let user = await authenticate(request, context)
        record.user = user?.name
        if options.requireAuthentication, user == nil, route != .health {
            return Responses.status(.unauthorized)
        }
        if let delay = await journal.delay(method: record.method, path: record.path) {
            try? await Task.sleep(for: delay)
        }
        if let fault = await journal.takeFault(method: record.method, path: record.path) {
            return Responses.status(fault.apiStatus)
        }
        guard let route else { return Responses.pageNotFound }
        do {
            return try await handle(request, route: route, query: query, verb: record.verb)
        } catch let error as SandboxError {
            if case .api(let status) = error { return Responses.status(status) }
            return Responses.status(APIStatus(code: 500, reason: "InternalError", message: error.description))
        } catch {
            return Responses.status(APIStatus(code: 500, reason: "InternalError", message: "\(error)"))
        }
    }

    /// A bearer token from the options, or a client certificate the TLS handshake verified.
    private func authenticate(_ request: Request, _ context: SandboxRequestContext) async -> AuthenticatedUser? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return options.tokens[String(header.dropFirst("Bearer ".count)).trimmingWhitespace]
        }
        guard options.tls else { return nil }
        // HTTP/1.1: the connection channel holds the TLS handler; HTTP/2: the stream's parent does.
        for channel in [context.channel, context.channel.parent].compactMap({ $0 }) {
            if let certificate = try? await channel.nioSSL_peerCertificate().get(),
               let der = try? certificate.toDERBytes() {
                return SandboxCertificates.user(fromDER: der)
            }
        }
        return nil
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
