import KubeModel

/// A resource as discovery lists it.
public struct DiscoveredResource: Sendable, Hashable, Decodable {
    /// The plural name, or `plural/subresource`.
    public var name: String
    public var kind: String
    public var namespaced: Bool
    public var verbs: [String]

    enum CodingKeys: String, CodingKey { case name, kind, namespaced, verbs }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        namespaced = try container.decodeIfPresent(Bool.self, forKey: .namespaced) ?? false
        verbs = try container.decodeIfPresent([String].self, forKey: .verbs) ?? []
    }
}

private struct APIResourceList: Decodable {
    var resources: [DiscoveredResource]
}

extension KubernetesClient {
    /// The resources served for a group and version (`apps`, `v1`; `""` for core); nil when
    /// the group/version is not served.
    public func discoverResources(group: String, version: String) async throws -> [DiscoveredResource]? {
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        do {
            let response = try await send(APIRequest(method: "GET", path: path, idempotent: true))
            return try Self.decode(APIResourceList.self, from: response.body).resources
        } catch let error as KubeError where error.isNotFound {
            return nil
        }
    }

    /// Whether the server serves `resource` at its group and version (a CRD is installed, an
    /// API is enabled).
    public func isServed(_ resource: ResourceType) async throws -> Bool {
        guard let resources = try await discoverResources(group: resource.group, version: resource.version) else { return false }
        return resources.contains { $0.name == resource.resource }
    }
}
