import KubeModel

extension Responses {
    /// An object as an item of a list: the API server leaves out each item's apiVersion and
    /// kind, which only the list itself carries.
    static func listItem(_ object: JSONValue) -> JSONValue {
        guard var members = object.objectValue else { return object }
        members["apiVersion"] = nil
        members["kind"] = nil
        return .object(members)
    }
}
