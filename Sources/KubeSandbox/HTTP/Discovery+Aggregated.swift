import Hummingbird
import KubeModel
import NIOCore

/// Aggregated discovery (`Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`),
/// which kubectl and client-go ask for first: every group, version and resource in one document.
extension Discovery {
    static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// Whether the Accept header asks for the aggregated form (before any plain JSON fallback).
    static func wantsAggregated(_ accept: String?) -> Bool {
        guard let accept else { return false }
        for range in accept.split(separator: ",") {
            let parameters = Set(range.split(separator: ";").map { String($0).trimmingWhitespace })
            if parameters.contains("as=APIGroupDiscoveryList"), parameters.contains("g=apidiscovery.k8s.io"),
               parameters.contains("v=v2") {
                return true
            }
            if parameters.contains("application/json") && !parameters.contains(where: { $0.hasPrefix("as=") }) { return false }
        }
        return false
    }

    /// `/api` (core, `core: true`) or `/apis` (every named group) as an APIGroupDiscoveryList.
    static func aggregated(_ catalog: Catalog, core: Bool) -> JSONValue {
        let groups: [(name: String, versions: [String])] = core ? [("", ["v1"])] : catalog.groups
        let items: [JSONValue] = groups.map { group in
            let versions: [JSONValue] = group.versions.map { version in
                let resources = catalog.resources(group: group.name, version: version)
                let ordered = resources.contains(where: \.isCustom) ? resources : resources.sorted { $0.plural < $1.plural }
                return ["version": .string(version), "resources": .array(ordered.map(\.aggregatedDiscoveryEntry)), "freshness": "Current"]
            }
            let metadata: JSONValue = group.name.isEmpty ? [:] : ["name": .string(group.name)]
            return ["metadata": metadata, "versions": .array(versions)]
        }
        return ["kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": [:], "items": .array(items)]
    }

    /// The document with its own media type as Content-Type.
    static func aggregatedResponse(_ document: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: aggregatedContentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: document.jsonText())))
    }
}
