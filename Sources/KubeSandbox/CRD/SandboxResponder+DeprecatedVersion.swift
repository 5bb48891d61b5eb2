import HTTPTypes
import Hummingbird
import KubeModel

extension SandboxResponder {
    /// An answer from a CRD's deprecated version, with the version's deprecation warning first
    /// among the Warning headers, as the real server sends it.
    func withDeprecationWarning(_ response: Response, _ path: APIRoute.ResourcePath) async -> Response {
        guard let warning = await store.catalog.find(group: path.group, version: path.version, plural: path.plural)?.deprecationWarning else {
            return response
        }
        var response = response
        var headers = HTTPFields()
        headers.append(HTTPField(name: .warning, value: "299 - " + JSONValue.string(warning).jsonText()))
        headers.append(contentsOf: response.headers)
        response.headers = headers
        return response
    }
}
