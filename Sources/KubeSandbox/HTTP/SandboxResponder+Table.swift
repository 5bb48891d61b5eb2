import KubeModel
import KubeSchema

extension SandboxResponder {
    /// The Table a `as=Table` request asks for: its version and `?includeObject=` (Metadata by
    /// default; None or Object). Built-in columns are documented from `schemas`.
    static func tableView(_ type: ServedResource, _ query: QueryParameters, _ view: ResponseView,
                          schemas: OpenAPISchemas? = nil) throws(SandboxError) -> TableView {
        var include = TableView.IncludeObject.metadata
        if let text = query["includeObject"], !text.isEmpty {
            guard let parsed = TableView.IncludeObject(rawValue: text) else {
                throw .api(.badRequest("unrecognized includeObject value: \"\(text)\""))
            }
            include = parsed
        }
        return TableView(type: type, includeObject: include, version: view.metaVersion, schemas: schemas)
    }

    /// A watch event's object as the client asked for it: whole, its metadata, or a one-row
    /// Table (with its column definitions, which kubectl prints once while they stay the same).
    static func watchedObject(_ object: JSONValue, _ type: ServedResource, view: ResponseView,
                              schemas: OpenAPISchemas? = nil) -> JSONValue {
        switch view {
        case .full: return object
        case .metadataOnly(let version): return Responses.partialMetadata(object, version: version)
        case .table(let version):
            let resourceVersion = object["metadata"]?["resourceVersion"]?.stringValue
            return TableView(type: type, version: version, schemas: schemas).table([object], resourceVersion: resourceVersion)
        }
    }
}
