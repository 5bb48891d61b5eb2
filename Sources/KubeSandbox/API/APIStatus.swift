import KubeModel
import KubeSchema

/// A `metav1.Status` failure, shaped exactly as the API server sends it.
public struct APIStatus: Sendable, Hashable {
    public struct Cause: Sendable, Hashable {
        public var reason: String
        public var message: String
        public var field: String?
    }

    public var code: Int
    public var reason: String
    public var message: String
    public var name: String?
    public var group: String?
    public var kind: String?
    public var causes: [Cause] = []
    /// Seconds a client should wait before retrying (details.retryAfterSeconds and Retry-After).
    public var retryAfterSeconds: Int?
    /// Warnings answered with the failure (Warning headers), as the API server gives when it
    /// decoded the body before refusing it.
    public var warnings: [String] = []

    /// The Status object.
    public var json: JSONValue {
        var object: JSONObject = ["kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure"]
        object["message"] = .string(message)
        if !reason.isEmpty { object["reason"] = .string(reason) }
        var details = JSONObject()
        if let name, !name.isEmpty { details["name"] = .string(name) }
        if let group, !group.isEmpty { details["group"] = .string(group) }
        if let kind { details["kind"] = .string(kind) }
        if !causes.isEmpty {
            details["causes"] = .array(causes.map { cause in
                var item: JSONObject = [:]
                if !cause.reason.isEmpty { item["reason"] = .string(cause.reason) }
                item["message"] = .string(cause.message)
                if let field = cause.field { item["field"] = .string(field) }
                return .object(item)
            })
        }
        if let retryAfterSeconds { details["retryAfterSeconds"] = .integer(retryAfterSeconds) }
        if !details.isEmpty { object["details"] = .object(details) }
        object["code"] = .integer(code)
        return .object(object)
    }
}

extension APIStatus {
    /// `deployments.apps "web" not found`
    static func notFound(_ resource: ServedResource, _ name: String) -> APIStatus {
        APIStatus(code: 404, reason: "NotFound", message: "\(resource.qualifiedResource) \"\(name)\" not found",
                  name: name, group: resource.group, kind: resource.plural)
    }

    static func alreadyExists(_ resource: ServedResource, _ name: String) -> APIStatus {
        APIStatus(code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedResource) \"\(name)\" already exists",
                  name: name, group: resource.group, kind: resource.plural)
    }

    static func conflict(_ resource: ServedResource, _ name: String, _ detail: String) -> APIStatus {
        APIStatus(code: 409, reason: "Conflict",
                  message: "Operation cannot be fulfilled on \(resource.qualifiedResource) \"\(name)\": \(detail)",
                  name: name, group: resource.group, kind: resource.plural)
    }

    /// 422 with one cause per field error: `Deployment.apps "web" is invalid: spec.selector: Required value`.
    static func invalid(_ resource: ServedResource, _ name: String, _ violations: [SchemaViolation]) -> APIStatus {
        let listed = violations.map { $0.path.isRoot ? "<nil>: \($0.message)" : $0.description }
        let summary = listed.count == 1 ? listed[0] : "[" + listed.joined(separator: ", ") + "]"
        return APIStatus(code: 422, reason: "Invalid", message: "\(resource.qualifiedKind) \"\(name)\" is invalid: \(summary)",
                         name: name, group: resource.group, kind: resource.kind,
                         causes: violations.map { Cause(reason: $0.kind.rawValue, message: $0.message, field: $0.path.isRoot ? "<nil>" : $0.path.description) })
    }

    static func badRequest(_ message: String) -> APIStatus {
        APIStatus(code: 400, reason: "BadRequest", message: message)
    }

    static func methodNotAllowed(_ message: String) -> APIStatus {
        APIStatus(code: 405, reason: "MethodNotAllowed", message: message)
    }

    static func notFoundPath(_ path: String) -> APIStatus {
        APIStatus(code: 404, reason: "NotFound", message: "the server could not find the requested resource")
    }

    static func expired(_ message: String) -> APIStatus {
        APIStatus(code: 410, reason: "Expired", message: message)
    }

    static let unauthorized = APIStatus(code: 401, reason: "Unauthorized", message: "Unauthorized")

    static func unsupportedMediaType(_ contentType: String) -> APIStatus {
        APIStatus(code: 415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/merge-patch+json, application/apply-patch+yaml")
    }

    static func notAcceptable() -> APIStatus {
        APIStatus(code: 406, reason: "NotAcceptable", message: "only the following media types are accepted: application/json, application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1, application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1")
    }
}

extension APIStatus {
    /// 422 for a patch that cannot be applied.
    static func unprocessable(_ message: String) -> APIStatus {
        APIStatus(code: 422, reason: "Invalid", message: message)
    }
}
