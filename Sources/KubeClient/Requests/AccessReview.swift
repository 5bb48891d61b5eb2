import KubeModel

extension KubernetesClient {
    /// Whether this client's user may `verb` on `resource` (in `namespace`, or in every namespace
    /// when nil), as `kubectl auth can-i` asks: a SelfSubjectAccessReview, which every
    /// authenticated user may create.
    public func isAllowed(_ verb: String, _ resource: ResourceType, namespace: String? = nil) async throws -> Bool {
        var attributes: JSONObject = [
            "group": .string(resource.group), "version": .string(resource.version), "resource": .string(resource.resource),
            "verb": .string(verb),
        ]
        if let namespace { attributes["namespace"] = .string(namespace) }
        let review: JSONValue = [
            "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
            "spec": ["resourceAttributes": .object(attributes)],
        ]
        let response = try await send(APIRequest(
            method: "POST", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            body: Array(review.jsonText().utf8), contentType: "application/json", idempotent: true))
        return try JSONValue(parsingJSON: response.body)["status"]?["allowed"]?.boolValue ?? false
    }
}
