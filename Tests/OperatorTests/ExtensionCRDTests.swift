import Foundation
import KubeClient
import KubeModel
import Testing

/// The shop's rendered PrometheusRules, ServiceMonitors, PeerAuthentications and
/// AuthorizationPolicies are accepted by an API server serving the CRD fixtures written from
/// the Prometheus Operator's and Istio's documentation, and come back unpruned.
@Suite struct ExtensionCRDTests {
    static let kinds: [(kind: String, resource: String)] = [
        ("PrometheusRule", "prometheusrules"), ("ServiceMonitor", "servicemonitors"),
        ("PeerAuthentication", "peerauthentications"), ("AuthorizationPolicy", "authorizationpolicies"),
    ]

    @Test func theShopsExtensionObjectsAreAcceptedUnpruned() async throws {
        let crds = Fixtures.root.appendingPathComponent("Tests/Fixtures/crds")
        let golden = Fixtures.root.appendingPathComponent("Tests/Fixtures/render/shop/expected.yaml")
        let rendered = try SourceReader.objects(in: String(contentsOf: golden, encoding: .utf8), file: golden.path).map(\.value)
        try await Harness.withSandbox { harness in
            var resources: [String: ResourceType] = [:]
            for (kind, resource) in Self.kinds {
                let group = kind.hasSuffix("Rule") || kind == "ServiceMonitor" ? "monitoring.coreos.com" : "security.istio.io"
                let file = crds.appendingPathComponent("\(resource).\(group).yaml")
                let crd = try #require(try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path).first)
                _ = try await harness.client.resource(ResourceType.customResourceDefinitions).create(crd.value)
                resources[kind] = ResourceType(group: group, version: "v1", resource: resource, kind: kind, namespaced: true)
            }
            var created = 0
            for object in rendered {
                guard let kind = object["kind"]?.stringValue, let type = resources[kind] else { continue }
                let client = harness.client.resource(type, namespace: "shop")
                var stored: JSONValue?
                try await eventually("\(kind) served") {
                    stored = try? await client.create(object)
                    return stored != nil
                }
                #expect(stored?["spec"] == object["spec"], "\(kind) \(object["metadata"]?["name"]?.stringValue ?? "") was pruned")
                created += 1
            }
            #expect(created == 12)
        }
    }
}
