import Foundation
import KubeModel
import Testing
@testable import KubeSandbox

/// The built-in resource table against the official OpenAPI documents: every path's
/// `x-kubernetes-action` and group-version-kind gives the resources, their scope, kinds, verbs
/// and subresources, which must be what discovery lists.
@Suite struct BuiltinResourcesTests {
    /// What discovery says about one resource or subresource.
    struct Served: Equatable, CustomStringConvertible {
        var namespaced = false
        var kind = ""
        var groupVersion = ""
        var verbs: Set<String> = []
        var description: String { "\(namespaced ? "namespaced" : "cluster") \(groupVersion) \(kind) \(verbs.sorted())" }
    }

    @Test func theTableAgreesWithTheOpenAPIDocuments() throws {
        let schemas = try #require(Fixtures.schemas, "the Kubernetes OpenAPI documents are expected at ../shared/kubernetes-openapi")
        #expect(schemas.documentFiles.count >= 10)
        for (path, file) in schemas.documentFiles {
            let document = try JSONValue(parsingJSON: try Data(contentsOf: URL(fileURLWithPath: file)))
            let groupVersion = path == "api/v1" ? "v1" : String(path.dropFirst("apis/".count))
            let derived = Self.derive(document, prefix: "/" + path + "/")
            #expect(!derived.isEmpty, "\(path)")
            #expect(Self.table(groupVersion) == derived, "\(path)")
        }
    }

    /// The table's entries for one group version, by `plural` or `plural/subresource`.
    static func table(_ groupVersion: String) -> [String: Served] {
        var result: [String: Served] = [:]
        for type in BuiltinResources.all where type.apiVersion == groupVersion {
            result[type.plural] = Served(namespaced: type.namespaced, kind: type.kind, groupVersion: groupVersion, verbs: Set(type.verbs))
            for subresource in type.subresources {
                result[type.plural + "/" + subresource.name] = Served(
                    namespaced: type.namespaced, kind: subresource.kind.isEmpty ? type.kind : subresource.kind,
                    groupVersion: subresource.groupVersion ?? groupVersion, verbs: Set(subresource.verbs))
            }
        }
        return result
    }

    /// The resources a document's paths serve.
    static func derive(_ document: JSONValue, prefix: String) -> [String: Served] {
        var result: [String: Served] = [:]
        var namespaced: Set<String> = []
        for (path, item) in document["paths"]?.objectValue ?? [:] where path.hasPrefix(prefix) {
            var segments = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
            // The deprecated `watch/` paths are where the watch verb is declared.
            if segments.first == "watch" { segments.removeFirst() }
            guard !segments.isEmpty else { continue }
            var inNamespace = false
            if segments.count >= 3, segments[0] == "namespaces", segments[1] == "{namespace}" {
                segments.removeFirst(2)
                inNamespace = true
            }
            let resource = segments.count >= 3 ? "\(segments[0])/\(segments[2])" : segments[0]
            if inNamespace { namespaced.insert(resource) }
            for (method, operation) in item.objectValue ?? [:] {
                guard let action = operation["x-kubernetes-action"]?.stringValue,
                      let gvk = operation["x-kubernetes-group-version-kind"],
                      let verb = verb(action, method: method) else { continue }
                var served = result[resource] ?? Served()
                served.verbs.insert(verb)
                if !["list", "deletecollection", "watch"].contains(verb) || served.kind.isEmpty {
                    let group = gvk["group"]?.stringValue ?? "", version = gvk["version"]?.stringValue ?? ""
                    served.kind = (gvk["kind"]?.stringValue ?? "")
                    served.groupVersion = group.isEmpty ? version : "\(group)/\(version)"
                }
                result[resource] = served
            }
        }
        for key in result.keys {
            let parent = String(key.prefix { $0 != "/" })
            result[key]?.namespaced = namespaced.contains(parent) || namespaced.contains(key)
        }
        return result
    }

    /// The discovery verb of an operation; connect operations are named by their HTTP method.
    private static func verb(_ action: String, method: String) -> String? {
        switch action {
        case "put": return "update"
        case "post": return "create"
        case "watchlist": return "watch"
        case "connect":
            return ["get": "get", "post": "create", "put": "update", "patch": "patch", "delete": "delete"][method]
        default: return action
        }
    }
}
