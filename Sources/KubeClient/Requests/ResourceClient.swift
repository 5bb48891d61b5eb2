import KubeModel

/// Requests for the objects of one resource, optionally in one namespace, decoded as `Object`
/// (a typed kind, or `JSONValue` for untyped objects).
public struct ResourceClient<Object: Codable & Sendable>: Sendable {
    public let client: KubernetesClient
    public let resource: ResourceType
    /// The namespace requests address; nil for all namespaces (list, watch) or, for single
    /// objects, the namespace in their metadata.
    public let namespace: String?

    init(client: KubernetesClient, resource: ResourceType, namespace: String?) {
        self.client = client
        self.resource = resource
        self.namespace = namespace
    }

    /// The object named `name`.
    public func get(_ name: String) async throws -> Object {
        let request = APIRequest(method: "GET", path: try objectPath(name), idempotent: true)
        return try await decoded(request)
    }

    /// One page of objects, each with its kind and apiVersion (which list items lack).
    public func list(_ options: ListOptions = ListOptions()) async throws -> ObjectList<Object> {
        try await listPage(options, accept: "application/json", standaloneItems: true)
    }

    /// Every object, walking all pages of `pageSize`. The result's metadata is the last page's
    /// (its resourceVersion is where a watch should start).
    public func listAll(_ options: ListOptions = ListOptions(), pageSize: Int = 500) async throws -> ObjectList<Object> {
        var options = options
        options.limit = pageSize
        var items: [Object] = []
        while true {
            let page = try await list(options)
            items += page.items
            guard let token = page.metadata.continueToken, !token.isEmpty else {
                return ObjectList(metadata: page.metadata, items: items)
            }
            options.continueToken = token
        }
    }

    /// Creates `object` (its namespace from this client or its metadata).
    public func create(_ object: Object, options: WriteOptions = WriteOptions()) async throws -> Object {
        let value = try filledIn(object)
        let path = resource.path(namespace: try namespace(of: value))
        let request = APIRequest(method: "POST", path: path, query: options.query, body: Array(value.jsonText().utf8),
            contentType: "application/json", idempotent: false)
        return try await decoded(request)
    }

    /// Replaces `object` with an update that carries its `metadata.resourceVersion`: if the
    /// object changed since, the server answers 409 (`KubeError.isConflict`).
    public func replace(_ object: Object, options: WriteOptions = WriteOptions()) async throws -> Object {
        try await put(object, subresource: nil, options: options)
    }

    /// Applies a JSON merge patch (RFC 7386) to the object named `name`.
    public func patch(_ name: String, mergePatch: JSONValue, options: WriteOptions = WriteOptions()) async throws -> Object {
        try await sendMergePatch(name, patch: mergePatch, subresource: nil, options: options)
    }

    /// Server-side apply: `object` is the caller's whole intent for the fields `fieldManager`
    /// owns. `force` takes over fields other managers own instead of failing with a conflict.
    public func apply(_ object: Object, fieldManager: String, force: Bool = false, dryRun: Bool = false) async throws -> Object {
        try await applyPatch(object, subresource: nil, fieldManager: fieldManager, force: force, dryRun: dryRun)
    }

    /// Deletes the object named `name`.
    public func delete(_ name: String, options: DeleteOptions = DeleteOptions()) async throws -> DeleteResult<Object> {
        var body: JSONObject = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let policy = options.propagationPolicy { body["propagationPolicy"] = .string(policy.rawValue) }
        if let grace = options.gracePeriodSeconds { body["gracePeriodSeconds"] = .integer(grace) }
        if options.hasPreconditions {
            var preconditions = JSONObject()
            if let uid = options.preconditionUID { preconditions["uid"] = .string(uid) }
            if let version = options.preconditionResourceVersion { preconditions["resourceVersion"] = .string(version) }
            body["preconditions"] = .object(preconditions)
        }
        if options.dryRun { body["dryRun"] = ["All"] }
        // Only a delete bound to one uid/version is safe to repeat.
        let request = APIRequest(method: "DELETE", path: try objectPath(name), body: Array(JSONValue.object(body).jsonText().utf8),
            contentType: "application/json", idempotent: options.hasPreconditions)
        let response = try await client.send(request)
        let value = try KubernetesClient.decode(JSONValue.self, from: response.body)
        if value["kind"]?.stringValue == "Status" {
            return .deleted(try KubernetesClient.decode(Status.self, from: value))
        }
        return .pending(try KubernetesClient.decode(Object.self, from: value))
    }
}
