import Hummingbird
import KubeModel

extension SandboxResponder {
    /// The largest request body accepted.
    static let maxBodySize = 16 << 20

    func handle(_ request: Request, route: APIRoute, query: QueryParameters, verb: String) async throws -> Response {
        switch route {
        case .health: return Health.response(path: request.uri.path, verbose: query["verbose"] != nil)
        case .version: return Responses.json(Discovery.version)
        case .coreVersions:
            if Discovery.wantsAggregated(request.headers[.accept]) {
                return Discovery.aggregatedResponse(Discovery.aggregated(await store.catalog, core: true))
            }
            return Responses.json(Discovery.coreVersions)
        case .groups:
            if Discovery.wantsAggregated(request.headers[.accept]) {
                return Discovery.aggregatedResponse(Discovery.aggregated(await store.catalog, core: false))
            }
            return Responses.json(Discovery.groupList(await store.catalog))
        case .group(let name):
            guard let group = Discovery.group(name, await store.catalog) else { return Responses.pageNotFound }
            return Responses.json(group)
        case .resources(let group, let version):
            guard await store.catalog.serves(group: group) else { return Responses.pageNotFound }
            let resources = await store.catalog.resources(group: group, version: version)
            guard !resources.isEmpty else { throw SandboxError.api(.notFoundPath(version)) }
            return Responses.json(Discovery.resourceList(group: group, version: version, resources))
        case .resource(let path):
            return try await handleResource(request, path: path, query: query, verb: verb)
        }
    }

    private func handleResource(_ request: Request, path: APIRoute.ResourcePath, query: QueryParameters,
                                verb: String) async throws -> Response {
        guard await store.catalog.serves(group: path.group, version: path.version) else { return Responses.pageNotFound }
        guard let type = await store.catalog.find(group: path.group, version: path.version, plural: path.plural) else {
            throw SandboxError.api(.notFoundPath(path.plural))
        }
        guard type.namespaced || path.namespace == nil else { throw SandboxError.api(.notFoundPath(path.plural)) }
        guard let view = ResponseView(accept: request.headers[.accept], tables: !type.printerColumns.isEmpty) else {
            throw SandboxError.api(.notAcceptable())
        }
        if let subresource = path.subresource, !(subresource == "status" && type.hasStatus) {
            throw SandboxError.api(.notFoundPath(subresource))
        }
        let status = path.subresource == "status"
        let namespace = path.namespace ?? ""
        let write = WriteOptions(
            fieldManager: query["fieldManager"],
            fieldValidation: query["fieldValidation"].flatMap(FieldValidation.init(rawValue:)) ?? options.fieldValidation,
            dryRun: query["dryRun"] == "All", force: query.flag("force"))
        let render = { (object: JSONValue) in view == .metadataOnly ? Responses.partialMetadata(object) : object }
        switch (verb, path.name) {
        case ("get", let name?):
            let object = try await store.get(type, namespace: namespace, name: name)
            if view == .table { return Responses.json(TableView(type: type).table([object], resourceVersion: nil)) }
            return Responses.json(render(object))
        case ("list", nil):
            let page = try await store.list(type, namespace: path.namespace, query: try Self.listQuery(query, type))
            if view == .table {
                return Responses.json(TableView(type: type).table(page.items, resourceVersion: String(page.resourceVersion)))
            }
            return Responses.json(Self.listBody(page, type, view: view))
        case ("watch", nil):
            return try await watch(type, namespace: path.namespace, query: query, view: view)
        case ("create", nil):
            let body = try await Self.body(request)
            let result = try await store.create(type, namespace: namespace, body: body, options: write)
            return Responses.json(render(result.object), code: 201, warnings: result.warnings)
        case ("update", let name?):
            let body = try await Self.body(request)
            let result = try await store.update(type, namespace: namespace, name: name, body: body, status: status, options: write)
            return Responses.json(render(result.object), warnings: result.warnings)
        case ("patch", let name?):
            let contentType = request.headers[.contentType] ?? ""
            guard let format = PatchFormat(contentType: contentType) else { throw SandboxError.api(.unsupportedMediaType(contentType)) }
            let patch = try await Self.body(request, yaml: format == .apply)
            let result = try await store.patch(type, namespace: namespace, name: name, format: format, patch: patch,
                                               status: status, options: write)
            return Responses.json(render(result.object), code: result.created ? 201 : 200, warnings: result.warnings)
        case ("delete", let name?):
            let deleteRequest = try await Self.deleteRequest(request, query: query)
            let (object, removed) = try await store.delete(type, namespace: namespace, name: name, request: deleteRequest)
            return Responses.json(removed ? Self.deletedStatus(object, type) : render(object))
        case ("deletecollection", nil):
            let deleteRequest = try await Self.deleteRequest(request, query: query)
            let deleted = try await store.deleteCollection(type, namespace: path.namespace, query: try Self.listQuery(query, type), request: deleteRequest)
            return Responses.json(Self.listBody(ListPage(items: deleted, resourceVersion: await store.revision), type, view: view))
        default:
            throw SandboxError.api(.methodNotAllowed("the server does not allow this method on the requested resource"))
        }
    }

    /// The API server's answer to a delete that removed the object at once: a Success Status
    /// naming it (the real server returns the object instead for a few kinds, Pods among them).
    static func deletedStatus(_ object: JSONValue, _ type: ResourceType) -> JSONValue {
        var details: JSONObject = ["name": object["metadata"]?["name"] ?? "", "kind": .string(type.plural)]
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        details["uid"] = object["metadata"]?["uid"]
        return ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": .object(details)]
    }

    static func listBody(_ page: ListPage, _ type: ResourceType, view: ResponseView) -> JSONValue {
        var metadata: JSONObject = ["resourceVersion": .string(String(page.resourceVersion))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .integer(remaining) }
        if view == .metadataOnly {
            return ["kind": "PartialObjectMetadataList", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata),
                    "items": .array(page.items.map(Responses.partialMetadata))]
        }
        return ["kind": .string(type.kind + "List"), "apiVersion": .string(type.apiVersion), "metadata": .object(metadata),
                "items": .array(page.items.map(Responses.listItem))]
    }

    static func listQuery(_ query: QueryParameters, _ type: ResourceType, watch: Bool = false) throws(SandboxError) -> ListQuery {
        try ListQuery(query, type: type, watch: watch)
    }

    /// The request body as JSON (or YAML, for apply patches and `application/yaml` bodies).
    static func body(_ request: Request, yaml: Bool = false) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: maxBodySize)
        let bytes = Array(buffer.readableBytesView)
        let contentType = (request.headers[.contentType] ?? "application/json").lowercased()
        if yaml || contentType.hasPrefix("application/yaml") {
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                guard let object = try SourceReader.objects(in: text, file: "request body").first else {
                    throw SandboxError.api(.badRequest("the request body is empty"))
                }
                return object.value
            } catch let error as SourceError {
                throw SandboxError.api(.badRequest("error decoding YAML: \(error.description)"))
            }
        }
        guard contentType.hasPrefix("application/json") || contentType.contains("patch+json") else {
            throw SandboxError.api(.unsupportedMediaType(contentType))
        }
        do {
            return try JSONValue(parsingJSON: bytes)
        } catch {
            throw SandboxError.api(.badRequest("the request body is not valid JSON: \(error.description)"))
        }
    }

    static func deleteRequest(_ request: Request, query: QueryParameters) async throws -> DeleteRequest {
        var result = DeleteRequest()
        var options = JSONValue.object([:])
        var copy = request
        let buffer = try await copy.collectBody(upTo: maxBodySize)
        if buffer.readableBytes > 0 {
            do { options = try JSONValue(parsingJSON: Array(buffer.readableBytesView)) } catch {
                throw SandboxError.api(.badRequest("the DeleteOptions body is not valid JSON: \(error.description)"))
            }
        }
        let policy = options["propagationPolicy"]?.stringValue ?? query["propagationPolicy"]
        if let policy {
            guard let parsed = DeleteRequest.Propagation(rawValue: policy) else {
                throw SandboxError.api(.badRequest("unsupported propagationPolicy \"\(policy)\""))
            }
            result.propagation = parsed
        } else if options["orphanDependents"]?.boolValue == true || query["orphanDependents"] == "true" {
            result.propagation = .orphan
        }
        result.preconditionUID = options["preconditions"]?["uid"]?.stringValue
        result.preconditionResourceVersion = options["preconditions"]?["resourceVersion"]?.stringValue
        result.dryRun = options["dryRun"]?.arrayValue?.contains("All") == true || query["dryRun"] == "All"
        return result
    }
}
