import Foundation
import KubeClient
import KubeModel

/// What one webhook answered.
struct WebhookVerdict: Sendable {
    var allowed: Bool
    /// The webhook's `status` when it denied (code, reason, message, details).
    var status: JSONValue?
    /// A JSON patch (already decoded from base64) from a mutating webhook.
    var patch: JSONValue?
    var warnings: [String]
}

/// Why calling a webhook failed, worded as the API server words it.
struct WebhookCallFailure: Error, Sendable {
    var message: String
}

/// Calls admission webhooks over HTTPS with an `admission.k8s.io/v1` AdmissionReview, through
/// the project's libcurl transport (started on first use).
actor WebhookCaller {
    private var transport: CurlTransport?
    let serviceAddresses: [String: String]

    init(serviceAddresses: [String: String]) {
        self.serviceAddresses = serviceAddresses
    }

    func call(_ webhook: AdmissionWebhook, _ attributes: AdmissionAttributes, object: JSONValue?,
              oldObject: JSONValue?) async throws(WebhookCallFailure) -> WebhookVerdict {
        guard let url = webhook.url(serviceAddresses: serviceAddresses) else {
            guard case .service(let namespace, let name, let port, _) = webhook.endpoint else {
                throw WebhookCallFailure(message: "failed to call webhook: no URL")
            }
            throw WebhookCallFailure(message: "failed to call webhook: service \"\(name)\" not found in namespace \"\(namespace)\" (port \(port))")
        }
        let uid = UUID().uuidString.lowercased()
        let review = Self.review(uid: uid, attributes, object: object, oldObject: oldObject)
        let request = HTTPRequest(
            method: "POST", url: url, headers: HTTPHeaders([("Content-Type", "application/json"), ("Accept", "application/json")]),
            body: Array(review.jsonText().utf8),
            tls: TLSOptions(certificateAuthorityPEM: webhook.caBundle, serverName: webhook.serviceServerName),
            timeouts: Timeouts(connect: .seconds(webhook.timeoutSeconds), total: .seconds(webhook.timeoutSeconds)),
            maxResponseBytes: 3 << 20)
        let response: HTTPResponse
        do {
            response = try await currentTransport().send(request)
        } catch let error as KubeError {
            throw WebhookCallFailure(message: "failed to call webhook: Post \"\(url)\": \(Self.goStyle(error, url: url))")
        } catch {
            throw WebhookCallFailure(message: "failed to call webhook: Post \"\(url)\": \(error)")
        }
        guard (200..<300).contains(response.status) else {
            throw WebhookCallFailure(message: "received invalid webhook response: expected response.uid=\"\(uid)\", got HTTP \(response.status)")
        }
        guard let answer = try? JSONValue(parsingJSON: response.body), let result = answer["response"] else {
            throw WebhookCallFailure(message: "received invalid webhook response: the body is not an AdmissionReview with a response")
        }
        guard result["uid"]?.stringValue == uid else {
            throw WebhookCallFailure(message: "received invalid webhook response: expected response.uid=\"\(uid)\", got \"\(result["uid"]?.stringValue ?? "")\"")
        }
        var patch: JSONValue?
        if let encoded = result["patch"]?.stringValue {
            guard webhook.mutating else {
                throw WebhookCallFailure(message: "received invalid webhook response: a validating webhook may not return a patch")
            }
            guard let data = Data(base64Encoded: encoded), let operations = try? JSONValue(parsingJSON: Array(data)),
                  operations.arrayValue != nil else {
                throw WebhookCallFailure(message: "received invalid webhook response: patch is not a base64 JSON patch")
            }
            patch = operations
        }
        return WebhookVerdict(allowed: result["allowed"]?.boolValue ?? false, status: result["status"], patch: patch,
                              warnings: result["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    private func currentTransport() throws -> CurlTransport {
        if let transport { return transport }
        let made = try CurlTransport(userAgent: "kube-sandbox")
        transport = made
        return made
    }

    /// The AdmissionReview the API server sends.
    static func review(uid: String, _ attributes: AdmissionAttributes, object: JSONValue?, oldObject: JSONValue?) -> JSONValue {
        let type = attributes.type
        var request: JSONObject = [
            "uid": .string(uid),
            "kind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
            "resource": ["group": .string(type.group), "version": .string(type.version), "resource": .string(type.plural)],
            "requestKind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
            "requestResource": ["group": .string(type.group), "version": .string(type.version), "resource": .string(type.plural)],
            "name": .string(attributes.name),
            "operation": .string(attributes.operation.rawValue),
            "userInfo": [
                "username": .string(attributes.user?.name ?? "system:anonymous"),
                "groups": .array((attributes.user?.groups ?? ["system:unauthenticated"]).map(JSONValue.string)),
            ],
            "object": object ?? .null,
            "oldObject": oldObject ?? .null,
            "dryRun": .bool(attributes.dryRun),
        ]
        if type.namespaced { request["namespace"] = .string(attributes.namespace) }
        if let subresource = attributes.subresource { request["subResource"] = .string(subresource) }
        return ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": .object(request)]
    }

    /// The transport failure as Go's net/http words it (what a real API server reports).
    static func goStyle(_ error: KubeError, url: String) -> String {
        guard case .transport(let failure) = error else { return "\(error)" }
        let host = URLComponents(string: url).map { "\($0.host ?? ""):\($0.port ?? 443)" } ?? url
        switch failure.kind {
        case .connect: return "dial tcp \(host): connect: connection refused"
        case .timeout: return "context deadline exceeded"
        case .tls: return "tls: failed to verify certificate: x509: certificate signed by unknown authority"
        default: return failure.message
        }
    }
}
