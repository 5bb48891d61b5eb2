import Foundation
import Hummingbird
import KubeModel
import KubeSchema

extension SandboxResponder {
    /// The authentication and authorization APIs, which store nothing: TokenRequest
    /// (`serviceaccounts/NAME/token`), SelfSubjectReview (whoami), and the access reviews
    /// (`kubectl auth can-i`). Nil for every other request.
    func authAPI(_ request: Request, route: APIRoute?, verb: String, user: AuthenticatedUser) async throws -> Response? {
        guard case .resource(let path)? = route, verb == "create", path.version == "v1" else { return nil }
        switch (path.group, path.plural, path.subresource) {
        case ("", "serviceaccounts", "token"?):
            guard let name = path.name, let namespace = path.namespace else { return nil }
            return try await tokenRequest(request, namespace: namespace, name: name)
        case ("authentication.k8s.io", "selfsubjectreviews", nil) where path.name == nil:
            return selfSubjectReview(user)
        case ("authorization.k8s.io", "selfsubjectaccessreviews", nil) where path.name == nil:
            return try await accessReview(request, kind: "SelfSubjectAccessReview", subject: user)
        case ("authorization.k8s.io", "subjectaccessreviews", nil) where path.name == nil:
            return try await accessReview(request, kind: "SubjectAccessReview", subject: nil)
        case ("authorization.k8s.io", "localsubjectaccessreviews", nil) where path.name == nil && path.namespace != nil:
            return try await accessReview(request, kind: "LocalSubjectAccessReview", subject: nil, namespace: path.namespace)
        default:
            return nil
        }
    }

    /// `POST serviceaccounts/NAME/token`: a token for the ServiceAccount (201), 404 when it does not exist.
    private func tokenRequest(_ request: Request, namespace: String, name: String) async throws -> Response {
        let body = try await Self.body(request)
        guard let uid = await store.serviceAccountUID(namespace: namespace, name: name) else {
            throw SandboxError.api(APIStatus(code: 404, reason: "NotFound", message: "serviceaccounts \"\(name)\" not found",
                                             name: name, kind: "serviceaccounts"))
        }
        let spec = body["spec"] ?? .object([:])
        var audiences = spec["audiences"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if audiences.isEmpty { audiences = [tokens.issuer] }
        let seconds: Int
        switch spec["expirationSeconds"] {
        case nil, .null?: seconds = 3600
        case .integer(let value)?: seconds = value
        default: throw SandboxError.api(.badRequest("spec.expirationSeconds must be an integer"))
        }
        guard seconds >= 600 else {
            let violation = SchemaViolation(.invalid, at: FieldPath(parsing: "spec.expirationSeconds"),
                                            "Invalid value: \(seconds): may not specify a duration less than 10 minutes")
            throw SandboxError.api(APIStatus(code: 422, reason: "Invalid",
                                             message: "TokenRequest.authentication.k8s.io \"\(name)\" is invalid: \(violation.description)",
                                             name: name, group: "authentication.k8s.io", kind: "TokenRequest",
                                             causes: [.init(reason: violation.kind.rawValue, message: violation.message, field: "spec.expirationSeconds")]))
        }
        let now = Date.now
        let expires = now.addingTimeInterval(Double(seconds))
        let token = tokens.issue(TokenAuthority.Claims(namespace: namespace, name: name, uid: uid, audiences: audiences,
                                                       expires: expires, id: UUID().uuidString.lowercased()), now: now)
        var metadata: JSONObject = [
            "name": .string(name), "namespace": .string(namespace), "uid": .string(uid),
            "creationTimestamp": .string(ClusterStore.timestamp(now)),
        ]
        metadata["managedFields"] = Self.managedFields(of: body, request, apiVersion: "authentication.k8s.io/v1", subresource: "token")
        let answer: JSONValue = [
            "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1", "metadata": .object(metadata),
            "spec": ["audiences": .array(audiences.map(JSONValue.string)), "expirationSeconds": .integer(seconds),
                     "boundObjectRef": spec["boundObjectRef"] ?? .null],
            "status": ["token": .string(token), "expirationTimestamp": .string(ClusterStore.timestamp(expires))],
        ]
        return Responses.json(answer, code: 201)
    }

    /// `kubectl auth whoami`: the requester as the server authenticated it.
    private func selfSubjectReview(_ user: AuthenticatedUser) -> Response {
        var info: JSONObject = ["username": .string(user.name), "groups": .array(user.groups.map(JSONValue.string))]
        if !user.extra.isEmpty {
            info["extra"] = .object(JSONObject(user.extra.sorted { $0.key < $1.key }.map {
                ($0.key, JSONValue.array($0.value.map(JSONValue.string)))
            }))
        }
        return Responses.json([
            "kind": "SelfSubjectReview", "apiVersion": "authentication.k8s.io/v1",
            "metadata": ["creationTimestamp": .string(ClusterStore.timestamp())], "status": ["userInfo": .object(info)],
        ], code: 201)
    }

    /// An access review: may `subject` (the spec's user and groups when nil) do what the spec asks?
    private func accessReview(_ request: Request, kind: String, subject: AuthenticatedUser?,
                              namespace: String? = nil) async throws -> Response {
        let body = try await Self.body(request)
        let spec = body["spec"] ?? .object([:])
        let invalid = { (field: String, message: String) in
            SandboxError.api(APIStatus(code: 422, reason: "Invalid", message: "\(kind).authorization.k8s.io \"\" is invalid: \(field): \(message)",
                                       group: "authorization.k8s.io", kind: kind,
                                       causes: [.init(reason: "FieldValueInvalid", message: message, field: field)]))
        }
        let resource = spec["resourceAttributes"].flatMap { $0 == .null ? nil : $0 }
        let nonResource = spec["nonResourceAttributes"].flatMap { $0 == .null ? nil : $0 }
        guard (resource == nil) != (nonResource == nil) else {
            throw invalid("spec.resourceAttributes", "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")
        }
        let strings = { (value: JSONValue?) in value?.arrayValue?.compactMap(\.stringValue) ?? [] }
        let user = subject ?? AuthenticatedUser(
            name: spec["user"]?.stringValue ?? "", groups: strings(spec["groups"]),
            extra: spec["extra"]?.objectValue.map { $0.reduce(into: [:]) { $0[$1.key] = strings($1.value) } } ?? [:])
        if subject == nil, user.name.isEmpty, user.groups.isEmpty {
            throw invalid("spec.user", "Invalid value: \"\": at least one of user or group must be specified")
        }
        let attributes: RequestAttributes
        if let resource {
            let text = { (key: String) in resource[key]?.stringValue ?? "" }
            if let namespace, !text("namespace").isEmpty, text("namespace") != namespace {
                throw invalid("spec.resourceAttributes.namespace", "Invalid value: \"\(text("namespace"))\": must match metadata.namespace")
            }
            attributes = RequestAttributes(verb: text("verb"), group: text("group"), resource: text("resource"), subresource: text("subresource"),
                                           namespace: namespace ?? text("namespace"), name: text("name"))
        } else {
            attributes = RequestAttributes(verb: nonResource?["verb"]?.stringValue ?? "", path: nonResource?["path"]?.stringValue ?? "")
        }
        let decision = await store.rbacAuthorizer().authorize(user, attributes)
        var status: JSONObject = ["allowed": .bool(decision.allowed)]
        if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        var metadata = JSONObject()
        if let namespace { metadata["namespace"] = .string(namespace) }
        metadata["managedFields"] = Self.managedFields(of: body, request, apiVersion: "authorization.k8s.io/v1")
        return Responses.json([
            "kind": .string(kind), "apiVersion": "authorization.k8s.io/v1", "metadata": .object(metadata),
            "spec": spec, "status": .object(status),
        ], code: 201)
    }

    /// The Update entry a create records for its body, manager from `fieldManager` or the
    /// User-Agent's product name, as the API server derives it.
    static func managedFields(of body: JSONValue, _ request: Request, apiVersion: String, subresource: String? = nil) -> JSONValue? {
        var owned = body
        for key in ["apiVersion", "kind", "metadata", "status"] { owned[key] = nil }
        let fields = FieldSet(validator: SchemaValidator()).leaves(of: owned, schema: nil)
        guard !fields.isEmpty else { return nil }
        let query = QueryParameters(request.uri.query ?? "")
        let agent = request.headers[.userAgent].flatMap { $0.split(separator: "/").first.map(String.init) }
        var entry: JSONObject = [
            "manager": .string(query["fieldManager"] ?? agent ?? "unknown"), "operation": "Update",
            "apiVersion": .string(apiVersion), "time": .string(ClusterStore.timestamp()),
            "fieldsType": "FieldsV1", "fieldsV1": FieldSet.fieldsV1(fields),
        ]
        if let subresource { entry["subresource"] = .string(subresource) }
        return [.object(entry)]
    }
}
