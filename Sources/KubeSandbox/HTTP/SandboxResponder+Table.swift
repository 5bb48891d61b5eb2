import KubeModel

extension SandboxResponder {
    /// The Table a `as=Table` request asks for: its version and `?includeObject=` (Metadata by
    /// default; None or Object).
    static func tableView(_ type: ResourceType, _ query: QueryParameters, _ view: ResponseView) throws(SandboxError) -> TableView {
        var include = TableView.IncludeObject.metadata
        if let text = query["includeObject"], !text.isEmpty {
            guard let parsed = TableView.IncludeObject(rawValue: text) else {
                throw .api(.badRequest("unrecognized includeObject value: \"\(text)\""))
            }
            include = parsed
        }
        return TableView(type: type, includeObject: include, version: view.metaVersion)
    }
}
