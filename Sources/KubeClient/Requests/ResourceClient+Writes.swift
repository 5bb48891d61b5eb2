import KubeModel

extension ResourceClient {
    func listPage<Item>(_ options: ListOptions, accept: String) async throws -> ObjectList<Item> {
        let request = APIRequest(method: "GET", path: resource.path(namespace: namespace), query: options.query, accept: accept,
            idempotent: true)
        let response = try await client.send(request)
        let list: JSONValue
        do {
            list = try JSONValue(parsingJSON: response.body)
        } catch {
            throw KubeError.decoding(type: String(describing: ObjectList<Item>.self), field: "", message: error.description)
        }
        return try KubernetesClient.decode(ObjectList<Item>.self, from: ObjectList<Item>.typingItems(of: list))
    }

    func put(_ object: Object, subresource: String?, options: WriteOptions) async throws -> Object {
        let value = try filledIn(object)
        let path = try objectPath(try name(of: value), namespace: try namespace(of: value), subresource: subresource)
        let request = APIRequest(method: "PUT", path: path, query: options.query, body: Array(value.jsonText().utf8),
            contentType: "application/json", idempotent: false)
        return try await decoded(request)
    }

    func sendMergePatch(_ name: String, patch: JSONValue, subresource: String?, options: WriteOptions) async throws -> Object {
        let request = APIRequest(method: "PATCH", path: try objectPath(name, subresource: subresource), query: options.query,
            body: Array(patch.jsonText().utf8), contentType: "application/merge-patch+json", idempotent: false)
        return try await decoded(request)
    }

    func applyPatch(_ object: Object, subresource: String?, fieldManager: String, force: Bool, dryRun: Bool) async throws -> Object {
        let value = try filledIn(object)
        let path = try objectPath(try name(of: value), namespace: try namespace(of: value), subresource: subresource)
        var query = WriteOptions(fieldManager: fieldManager, dryRun: dryRun).query
        if force { query.append(("force", "true")) }
        // JSON is YAML, so the body is sent as JSON under the apply content type. Applying the
        // same intent twice gives the same result, so apply is retried like a read.
        let request = APIRequest(method: "PATCH", path: path, query: query, body: Array(value.jsonText().utf8),
            contentType: "application/apply-patch+yaml", idempotent: true)
        return try await decoded(request)
    }

    func decoded<T: Decodable>(_ request: APIRequest, as type: T.Type = Object.self) async throws -> T {
        let response = try await client.send(request)
        return try KubernetesClient.decode(T.self, from: response.body)
    }

    /// The path of one object in this client's namespace (or `namespace`).
    func objectPath(_ name: String, namespace explicit: String? = nil, subresource: String? = nil) throws(KubeError) -> String {
        guard !name.isEmpty else { throw KubeError.invalidRequest("a \(resource.kind) needs a name") }
        let namespace = self.namespace ?? explicit
        if resource.namespaced, namespace == nil {
            throw KubeError.invalidRequest("\(resource.kind) \(name) needs a namespace")
        }
        return resource.path(namespace: namespace, name: name, subresource: subresource)
    }

    /// The object as JSON, with apiVersion and kind filled in when the type leaves them out.
    func filledIn(_ object: Object) throws(KubeError) -> JSONValue {
        var value = try KubernetesClient.encode(object)
        guard case .object(var members) = value else { throw KubeError.invalidRequest("a \(resource.kind) must encode as an object") }
        if members["apiVersion"]?.stringValue == nil { members["apiVersion"] = .string(resource.apiVersion) }
        if members["kind"]?.stringValue == nil { members["kind"] = .string(resource.kind) }
        value = .object(JSONObject([("apiVersion", members["apiVersion"] ?? .null), ("kind", members["kind"] ?? .null)] + members.map { ($0.key, $0.value) }))
        return value
    }

    func name(of value: JSONValue) throws(KubeError) -> String {
        guard let name = value["metadata"]?["name"]?.stringValue, !name.isEmpty else {
            throw KubeError.invalidRequest("a \(resource.kind) needs metadata.name")
        }
        return name
    }

    func namespace(of value: JSONValue) throws(KubeError) -> String? {
        guard resource.namespaced else { return nil }
        let own = value["metadata"]?["namespace"]?.stringValue
        if let namespace, let own, own != namespace {
            throw KubeError.invalidRequest("\(resource.kind) \(own)/\(value["metadata"]?["name"]?.stringValue ?? "") is not in namespace \(namespace)")
        }
        guard let chosen = namespace ?? own else { throw KubeError.invalidRequest("a \(resource.kind) needs a namespace") }
        return chosen
    }
}
