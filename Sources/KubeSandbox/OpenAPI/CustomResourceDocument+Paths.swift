import KubeModel

extension CustomResourceDocument {
    /// The REST paths of one custom resource: its collection, its objects, their status
    /// subresource and (namespaced) the list across namespaces, each operation tagged with the
    /// action and group-version-kind, as the API server publishes them.
    func pathItems(_ type: ServedResource) -> [(String, JSONValue)] {
        let base = "/apis/\(group)/\(version)"
        let scope = type.namespaced ? "Namespaced" : ""
        let collection = type.namespaced ? "\(base)/namespaces/{namespace}/\(type.plural)" : "\(base)/\(type.plural)"
        let pathParameters: [JSONValue] = type.namespaced ? [Self.pathParameter("namespace", "object name and auth scope, such as for teams and projects")] : []
        let named = pathParameters + [Self.pathParameter("name", "name of the \(type.kind)")]
        let kind = schemaName(type.kind), list = schemaName(type.kind + "List")
        var items: [(String, JSONValue)] = [
            (collection, [
                "parameters": .array(pathParameters),
                "get": operation(type, "list", "list\(operationSuffix)\(scope)\(type.kind)", "list objects of kind \(type.kind)",
                                 parameters: Self.listParameters, response: list),
                "post": operation(type, "post", "create\(operationSuffix)\(scope)\(type.kind)", "create a \(type.kind)",
                                  parameters: Self.writeParameters, body: Self.content(kind), response: kind, created: true),
                "delete": operation(type, "deletecollection", "deletecollection\(operationSuffix)\(scope)\(type.kind)",
                                    "delete collection of \(type.kind)", parameters: Self.listParameters + [Self.query("dryRun", "string")],
                                    body: Self.content(Self.deleteOptions), response: Self.status),
            ]),
            ("\(collection)/{name}", [
                "parameters": .array(named),
                "get": operation(type, "get", "read\(operationSuffix)\(scope)\(type.kind)", "read the specified \(type.kind)",
                                 parameters: [Self.query("resourceVersion", "string")], response: kind),
                "put": operation(type, "put", "replace\(operationSuffix)\(scope)\(type.kind)", "replace the specified \(type.kind)",
                                 parameters: Self.writeParameters, body: Self.content(kind), response: kind, created: true),
                "patch": operation(type, "patch", "patch\(operationSuffix)\(scope)\(type.kind)", "partially update the specified \(type.kind)",
                                   parameters: Self.writeParameters + [Self.query("force", "boolean")], body: Self.patchContent, response: kind),
                "delete": operation(type, "delete", "delete\(operationSuffix)\(scope)\(type.kind)", "delete a \(type.kind)",
                                    parameters: Self.deleteParameters, body: Self.content(Self.deleteOptions), response: Self.status),
            ]),
        ]
        if type.hasStatus {
            items.append(("\(collection)/{name}/status", [
                "parameters": .array(named),
                "get": operation(type, "get", "read\(operationSuffix)\(scope)\(type.kind)Status", "read status of the specified \(type.kind)",
                                 parameters: [Self.query("resourceVersion", "string")], response: kind),
                "put": operation(type, "put", "replace\(operationSuffix)\(scope)\(type.kind)Status", "replace status of the specified \(type.kind)",
                                 parameters: Self.writeParameters, body: Self.content(kind), response: kind, created: true),
                "patch": operation(type, "patch", "patch\(operationSuffix)\(scope)\(type.kind)Status", "partially update status of the specified \(type.kind)",
                                   parameters: Self.writeParameters + [Self.query("force", "boolean")], body: Self.patchContent, response: kind),
            ]))
        }
        if type.namespaced {
            items.append(("\(base)/\(type.plural)", [
                "get": operation(type, "list", "list\(operationSuffix)\(type.kind)ForAllNamespaces", "list objects of kind \(type.kind)",
                                 parameters: Self.listParameters, response: list),
            ]))
        }
        return items
    }

    /// `ShipshapeDevV1alpha1`, as operation ids spell the group version.
    private var operationSuffix: String {
        let words = group.split(whereSeparator: { $0 == "." || $0 == "-" }) + [Substring(version)]
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private func operation(_ type: ServedResource, _ action: String, _ id: String, _ description: String,
                           parameters: [JSONValue], body: JSONValue? = nil, response: String, created: Bool = false) -> JSONValue {
        var responses: JSONObject = ["200": ["description": "OK", "content": Self.content(response)["content"] ?? [:]]]
        if created { responses["201"] = ["description": "Created", "content": Self.content(response)["content"] ?? [:]] }
        responses["401"] = ["description": "Unauthorized"]
        var operation: JSONObject = [
            "tags": .array([.string(operationSuffix.prefix(1).lowercased() + operationSuffix.dropFirst())]),
            "description": .string(description), "operationId": .string(id), "parameters": .array(parameters),
        ]
        operation["requestBody"] = body
        operation["responses"] = .object(responses)
        operation["x-kubernetes-action"] = .string(action)
        operation["x-kubernetes-group-version-kind"] = ["group": .string(group), "kind": .string(type.kind), "version": .string(version)]
        return .object(operation)
    }

    private static func pathParameter(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description),
         "schema": ["type": "string", "uniqueItems": true]]
    }

    private static func query(_ name: String, _ type: String) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(queryDescriptions[name] ?? name),
         "schema": ["type": .string(type), "uniqueItems": true]]
    }

    private static func content(_ schema: String) -> JSONValue {
        let reference: JSONValue = ["schema": ["$ref": .string("#/components/schemas/" + schema)]]
        return ["content": ["application/json": reference, "application/yaml": reference]]
    }

    private static var patchContent: JSONValue {
        let reference: JSONValue = ["schema": ["$ref": .string("#/components/schemas/" + patch)]]
        return ["content": ["application/apply-patch+yaml": reference, "application/json-patch+json": reference,
                            "application/merge-patch+json": reference], "required": true]
    }

    private static let listParameters = ["allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit",
                                         "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch"]
        .map { query($0, ["allowWatchBookmarks", "sendInitialEvents", "watch"].contains($0) ? "boolean" : ["limit", "timeoutSeconds"].contains($0) ? "integer" : "string") }
    private static let writeParameters = [query("dryRun", "string"), query("fieldManager", "string"), query("fieldValidation", "string")]
    private static let deleteParameters = [query("dryRun", "string"), query("gracePeriodSeconds", "integer"),
                                           query("orphanDependents", "boolean"), query("propagationPolicy", "string")]

    private static let queryDescriptions: [String: String] = [
        "dryRun": "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed",
        "fieldManager": "fieldManager is a name associated with the actor or entity that is making these changes.",
        "fieldValidation": "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict",
        "force": "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people.",
        "labelSelector": "A selector to restrict the list of returned objects by their labels. Defaults to everything.",
        "fieldSelector": "A selector to restrict the list of returned objects by their fields. Defaults to everything.",
        "propagationPolicy": "Whether and how garbage collection will be performed: Orphan, Background or Foreground.",
    ]
}
