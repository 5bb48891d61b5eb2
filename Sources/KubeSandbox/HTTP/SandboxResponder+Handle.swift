import Hummingbird
import KubeModel

extension SandboxResponder {
    /// The largest request body accepted.
    static let maxBodySize = 16 << 20

    func handle(_ request: Request, route: APIRoute, query: QueryParameters, verb: String,
                user: AuthenticatedUser?) async throws -> Response {
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
        case .openAPI(let path):
            return try await serveOpenAPI(path, accept: request.headers[.accept])
        case .resource(let path):
            let response = try await handleResource(request, path: path, query: query, verb: verb, user: user)
            return await withDeprecationWarning(response, path)
        }
    }

    private func handleResource(_ request: Request, path: APIRoute.ResourcePath, query: QueryParameters,
                                verb: String, user: AuthenticatedUser?) async throws -> Response {
        guard await store.catalog.serves(group: path.group, version: path.version) else { return Responses.pageNotFound }
        guard let type = await store.catalog.find(group: path.group, version: path.version, plural: path.plural) else {
            throw SandboxError.api(.notFoundPath(path.plural))
        }
        guard type.namespaced || path.namespace == nil else { throw SandboxError.api(.notFoundPath(path.plural)) }
        let accept = request.headers[.accept]
        guard let view = ResponseView(accept: accept) ?? (Self.answersProtobuf(accept, verb: verb) ? .full : nil) else {
            throw SandboxError.api(.notAcceptable())
        }
        let status = path.subresource == "status"
        let namespace = path.namespace ?? ""
        try Self.checkVerb(verb, type, subresource: path.subresource)
        let write = Self.storing(WriteOptions(
            fieldManager: query["fieldManager"], defaultFieldManager: WriteOptions.manager(userAgent: request.headers[.userAgent]),
            fieldValidation: query["fieldValidation"].flatMap(FieldValidation.init(rawValue:)) ?? options.fieldValidation,
            dryRun: query["dryRun"] == "All", force: query.flag("force")), type)
        let apply = (request.headers[.contentType] ?? "").hasPrefix("application/apply-patch")
        if let invalid = Validation.writeOptions(query, verb: verb, apply: apply) { throw SandboxError.api(invalid) }
        if path.subresource == "scale", ClusterStore.scaleSubresource(of: type) != nil, let name = path.name {
            return try await handleScale(request, type, namespace: namespace, name: name, verb: verb, options: write)
        }
        if let subresource = path.subresource, !(subresource == "status" && type.hasStatus) {
            throw SandboxError.api(.notFoundPath(subresource))
        }
        let render = { (object: JSONValue) in view.isMetadataOnly ? Responses.partialMetadata(object, version: view.metaVersion) : object }
        func attributes(_ operation: AdmissionAttributes.Operation, name: String) -> AdmissionAttributes {
            AdmissionAttributes(operation: operation, type: type, subresource: path.subresource, namespace: namespace,
                                name: name, user: user, dryRun: write.dryRun)
        }
        switch (verb, path.name) {
        case ("get", let name?):
            let object = try await store.get(type, namespace: namespace, name: name)
            if case .table = view {
                let resourceVersion = object["metadata"]?["resourceVersion"]?.stringValue
                return Responses.json(try Self.tableView(type, query, view, schemas: options.schemas).table([object], resourceVersion: resourceVersion))
            }
            if let response = Self.protobufResponse(object, accept: accept) { return response }
            return Responses.json(render(object))
        case ("list", nil):
            let page = try await store.list(type, namespace: path.namespace, query: try Self.listQuery(query, type))
            if case .table = view {
                return Responses.json(try Self.tableView(type, query, view, schemas: options.schemas).table(page.items, resourceVersion: String(page.resourceVersion), page: page))
            }
            return Responses.json(Self.listBody(page, type, view: view))
        case ("watch", nil):
            return try await watch(type, namespace: path.namespace, query: query, view: view)
        case ("create", nil):
            let body = try await Self.body(request, strict: write.fieldValidation == .strict ? type : nil)
            let name = body["metadata"]?["name"]?.stringValue ?? ""
            let result = try await admitted(attributes(.create, name: name), write: write) { options in
                try await store.create(type, namespace: namespace, body: body, options: options)
            }
            if let response = Self.protobufResponse(result.object, accept: accept, code: 201, warnings: result.warnings) { return response }
            return Responses.json(render(result.object), code: 201, warnings: result.warnings)
        case ("update", let name?):
            let body = try await Self.body(request, strict: write.fieldValidation == .strict ? type : nil)
            let result = try await admitted(attributes(.update, name: name), write: write) { options in
                try await store.update(type, namespace: namespace, name: name, body: body, status: status, options: options)
            }
            if let response = Self.protobufResponse(result.object, accept: accept, warnings: result.warnings) { return response }
            return Responses.json(render(result.object), warnings: result.warnings)
        case ("patch", let name?):
            let contentType = request.headers[.contentType] ?? ""
            guard let format = PatchFormat(contentType: contentType) else { throw SandboxError.api(.unsupportedMediaType(contentType)) }
            let patch = try await Self.body(request, yaml: format == .apply)
            let exists = (try? await store.get(type, namespace: namespace, name: name)) != nil
            let result = try await admitted(attributes(exists ? .update : .create, name: name), write: write) { options in
                try await store.patch(type, namespace: namespace, name: name, format: format, patch: patch,
                                      status: status, options: options)
            }
            if let response = Self.protobufResponse(result.object, accept: accept, code: result.created ? 201 : 200,
                                                    warnings: result.warnings) { return response }
            return Responses.json(render(result.object), code: result.created ? 201 : 200, warnings: result.warnings)
        case ("delete", let name?):
            let deleteRequest = try await Self.deleteRequest(request, query: query)
            var deletion = attributes(.delete, name: name)
            deletion.dryRun = deleteRequest.dryRun
            _ = try await admittedDelete(deletion)
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
    static func deletedStatus(_ object: JSONValue, _ type: ServedResource) -> JSONValue {
        var details: JSONObject = ["name": object["metadata"]?["name"] ?? "", "kind": .string(type.plural)]
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        details["uid"] = object["metadata"]?["uid"]
        return ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": .object(details)]
    }

    static func listBody(_ page: ListPage, _ type: ServedResource, view: ResponseView) -> JSONValue {
        var metadata: JSONObject = ["resourceVersion": .string(String(page.resourceVersion))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .integer(remaining) }
        if view.isMetadataOnly {
            return ["kind": "PartialObjectMetadataList", "apiVersion": .string("meta.k8s.io/" + view.metaVersion), "metadata": .object(metadata),
                    "items": .array(page.items.map { Responses.partialMetadata($0, version: view.metaVersion) })]
        }
        // The real server leaves kind and apiVersion out of a built-in kind's list items (a
        // custom resource's items keep them).
        return ["kind": .string(type.kind + "List"), "apiVersion": .string(type.apiVersion), "metadata": .object(metadata),
                "items": .array(type.schema != nil ? page.items : page.items.map(Responses.listItem))]
    }

    static func listQuery(_ query: QueryParameters, _ type: ServedResource, watch: Bool = false) throws(SandboxError) -> ListQuery {
        try ListQuery(query, type: type, watch: watch)
    }

    /// The request body as JSON (or YAML, for apply patches and `application/yaml` bodies);
    /// `strict` names the kind a JSON body must decode into without repeated fields.
    static func body(_ request: Request, yaml: Bool = false, strict: ServedResource? = nil) async throws -> JSONValue {
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
        if !yaml, contentType.hasPrefix("application/vnd.kubernetes.protobuf") { return try ProtobufDecoder.object(from: bytes) }
        guard contentType.hasPrefix("application/json") || contentType.contains("patch+json") else {
            throw SandboxError.api(.unsupportedMediaType(contentType))
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsingJSON: bytes)
        } catch {
            throw SandboxError.api(.badRequest("the request body is not valid JSON: \(error.description)"))
        }
        if let strict { try Validation.noDuplicateFields(bytes, strict) }
        return value
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
        let orphan = options["orphanDependents"]?.boolValue ?? query["orphanDependents"].map { $0 == "true" }
        if let problem = DeleteRequest.invalidPropagation(policy, orphanDependents: orphan) { throw SandboxError.api(problem) }
        if let policy, let parsed = DeleteRequest.Propagation(rawValue: policy) {
            result.propagation = parsed
        } else if orphan == true {
            result.propagation = .orphan
        }
        result.preconditionUID = options["preconditions"]?["uid"]?.stringValue
        result.preconditionResourceVersion = options["preconditions"]?["resourceVersion"]?.stringValue
        result.gracePeriodSeconds = options["gracePeriodSeconds"]?.intValue ?? query["gracePeriodSeconds"].flatMap { Int($0) }
        result.dryRun = options["dryRun"]?.arrayValue?.contains("All") == true || query["dryRun"] == "All"
        return result
    }
}
