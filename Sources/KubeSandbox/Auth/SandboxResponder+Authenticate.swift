import Foundation
import Hummingbird
import NIOSSL

extension SandboxResponder {
    /// Authentication, impersonation and RBAC, in the API server's order: the user the request
    /// acts as, or the 401, 403 or 400 to answer. `name` is set to the user's once known.
    func admit(_ request: Request, _ context: SandboxRequestContext, route: APIRoute?, verb: String,
               name: inout String?) async throws(SandboxError) -> AuthenticatedUser {
        guard let authenticated = await authenticate(request, context) else { throw .api(.unauthorized) }
        if options.requireAuthentication, authenticated == .anonymous, route != .health { throw .api(.unauthorized) }
        name = authenticated.name
        let user = try await impersonate(request.headers, as: authenticated)
        name = user.name
        if user.isMaster { return user }
        let attributes = RequestAttributes(method: request.method.rawValue, path: request.uri.path, route: route, verb: verb,
                                           fieldSelector: QueryParameters(request.uri.query ?? "")["fieldSelector"])
        guard await store.rbacAuthorizer().authorize(user, attributes).allowed else { throw .api(.forbidden(user, attributes)) }
        return user
    }

    /// A client certificate the TLS handshake verified, else a bearer token (the options' ones, the
    /// admin token, or a ServiceAccount token this sandbox issued), else `system:anonymous`; nil
    /// for a bearer token nobody issued (401).
    private func authenticate(_ request: Request, _ context: SandboxRequestContext) async -> AuthenticatedUser? {
        if options.tls {
            // HTTP/1.1: the connection channel holds the TLS handler; HTTP/2: the stream's parent does.
            for channel in [context.channel, context.channel.parent].compactMap({ $0 }) {
                if let certificate = try? await channel.nioSSL_peerCertificate().get(),
                   let der = try? certificate.toDERBytes(), let user = SandboxCertificates.user(fromDER: der) {
                    return user.withAuthenticatedGroup
                }
            }
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return .anonymous }
        let token = String(header.dropFirst("Bearer ".count)).trimmingWhitespace
        if let user = options.tokens[token] { return user.withAuthenticatedGroup }
        if token == tokens.adminToken { return TokenAuthority.admin.withAuthenticatedGroup }
        guard let claims = tokens.verify(token),
              await store.serviceAccountUID(namespace: claims.namespace, name: claims.name) == claims.uid else { return nil }
        var user = AuthenticatedUser.serviceAccount(namespace: claims.namespace, name: claims.name).withAuthenticatedGroup
        user.extra = [AuthenticatedUser.credentialIDKey: ["JTI=" + claims.id]]
        return user
    }

    /// The user named by `Impersonate-User`, `Impersonate-Group` and `Impersonate-Extra-*`, when
    /// `requester` may `impersonate` each of them; the requester itself without those headers.
    private func impersonate(_ headers: HTTPFields, as requester: AuthenticatedUser) async throws(SandboxError) -> AuthenticatedUser {
        let values = { (name: String) in headers.filter { $0.name.canonicalName == name }.map(\.value) }
        let groups = values("impersonate-group")
        var extra: [String: [String]] = [:]
        for field in headers where field.name.canonicalName.hasPrefix("impersonate-extra-") {
            let key = String(field.name.canonicalName.dropFirst("impersonate-extra-".count))
            extra[key.removingPercentEncoding ?? key, default: []].append(field.value)
        }
        guard let name = values("impersonate-user").first else {
            if groups.isEmpty && extra.isEmpty { return requester }
            throw .api(.badRequest("requested impersonation of groups or extra without impersonating a user"))
        }
        var checks: [RequestAttributes]
        var user = AuthenticatedUser(name: name, groups: groups, extra: extra)
        if let account = user.serviceAccount {
            checks = [RequestAttributes(verb: "impersonate", group: "", resource: "serviceaccounts",
                                        namespace: account.namespace, name: account.name)]
            if groups.isEmpty { user.groups = AuthenticatedUser.serviceAccountGroups(namespace: account.namespace) }
        } else {
            checks = [RequestAttributes(verb: "impersonate", group: "", resource: "users", name: name)]
        }
        checks += groups.map { RequestAttributes(verb: "impersonate", group: "", resource: "groups", name: $0) }
        for (key, values) in extra.sorted(by: { $0.key < $1.key }) {
            checks += values.map {
                RequestAttributes(verb: "impersonate", group: "authentication.k8s.io", resource: "userextras", subresource: key, name: $0)
            }
        }
        if !requester.isMaster {
            let authorizer = await store.rbacAuthorizer()
            for check in checks where !authorizer.authorize(requester, check).allowed {
                throw .api(.forbidden(requester, check))
            }
        }
        let marker = name == AuthenticatedUser.anonymous.name ? AuthenticatedUser.unauthenticatedGroup : AuthenticatedUser.authenticatedGroup
        if !user.groups.contains(AuthenticatedUser.authenticatedGroup), !user.groups.contains(AuthenticatedUser.unauthenticatedGroup) {
            user.groups.append(marker)
        }
        return user
    }
}
