import KubeModel

/// The parts of an `admission.k8s.io/v1` AdmissionReview request that the handler reads.
public struct AdmissionRequest: Sendable {
    public let uid: String
    public let group: String
    public let version: String
    public let kind: String
    public let namespace: String?
    public let name: String?
    public let operation: String
    public let object: JSONValue?
    public let oldObject: JSONValue?

    /// Reads a review body; throws `AdmissionError.badRequest` naming the missing or wrong field.
    public init(review: JSONValue) throws(AdmissionError) {
        guard case .object = review else { throw .badRequest("the body must be a JSON object (an AdmissionReview)") }
        guard review["apiVersion"]?.stringValue == "admission.k8s.io/v1", review["kind"]?.stringValue == "AdmissionReview" else {
            throw .badRequest("expected apiVersion admission.k8s.io/v1, kind AdmissionReview")
        }
        guard let request = review["request"], case .object = request else { throw .badRequest("request is required") }
        guard let uid = request["uid"]?.stringValue, !uid.isEmpty else { throw .badRequest("request.uid is required") }
        guard let kind = request["kind"], let kindName = kind["kind"]?.stringValue else {
            throw .badRequest("request.kind.kind is required")
        }
        guard let operation = request["operation"]?.stringValue else { throw .badRequest("request.operation is required") }
        self.uid = uid
        self.group = kind["group"]?.stringValue ?? ""
        self.version = kind["version"]?.stringValue ?? ""
        self.kind = kindName
        self.namespace = request["namespace"]?.stringValue
        self.name = request["name"]?.stringValue
        self.operation = operation
        self.object = request["object"].flatMap { $0.isNull ? nil : $0 }
        self.oldObject = request["oldObject"].flatMap { $0.isNull ? nil : $0 }
    }
}

/// The handler's answer, serialized as an AdmissionReview response echoing the request uid.
public struct AdmissionResponse: Sendable, Equatable {
    public let uid: String
    public let allowed: Bool
    /// HTTP-style code and message shown by kubectl when denied.
    public let denial: (code: Int, message: String)?
    /// Shown by kubectl as `Warning: …` lines.
    public let warnings: [String]

    public static func == (lhs: AdmissionResponse, rhs: AdmissionResponse) -> Bool {
        lhs.uid == rhs.uid && lhs.allowed == rhs.allowed && lhs.warnings == rhs.warnings
            && lhs.denial?.code == rhs.denial?.code && lhs.denial?.message == rhs.denial?.message
    }

    public static func allow(_ uid: String, warnings: [String] = []) -> AdmissionResponse {
        AdmissionResponse(uid: uid, allowed: true, denial: nil, warnings: warnings)
    }

    public static func deny(_ uid: String, code: Int = 403, message: String, warnings: [String] = []) -> AdmissionResponse {
        AdmissionResponse(uid: uid, allowed: false, denial: (code, message), warnings: warnings)
    }

    /// The AdmissionReview body to send back.
    public var review: JSONValue {
        var response: JSONObject = ["uid": .string(uid), "allowed": .bool(allowed)]
        if let denial {
            response["status"] = [
                "code": .integer(denial.code), "message": .string(denial.message),
                "reason": .string(denial.code == 422 ? "Invalid" : "Forbidden"),
            ]
        }
        if !warnings.isEmpty { response["warnings"] = .array(warnings.map(JSONValue.string)) }
        return ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": .object(response)]
    }
}

/// A request the handler cannot judge: the server answers 400 with this message.
public enum AdmissionError: Error, Sendable, Equatable, CustomStringConvertible {
    case badRequest(String)
    public var description: String {
        switch self {
        case .badRequest(let message): return message
        }
    }
}
