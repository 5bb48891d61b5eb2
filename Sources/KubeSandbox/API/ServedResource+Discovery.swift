import Crypto
import Foundation
import KubeModel

extension ServedResource {
    /// A custom resource (served for a CRD) rather than a built-in one.
    var isCustom: Bool { schema != nil }

    /// The verbs in the order discovery lists them: built-in resources alphabetically, custom
    /// resources in the order the apiextensions server registers them.
    var discoveryVerbs: [String] {
        isCustom ? ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"] : verbs
    }

    /// Whether objects of the resource are stored (and so have a storage version): it is watchable.
    var isStored: Bool { verbs.contains("watch") }

    /// The subresources discovery lists: a built-in resource's own; a CRD version's status and scale.
    var discoverySubresources: [APISubresource] {
        guard isCustom else { return subresources }
        return (hasStatus ? [APISubresource.status] : []) + (scale != nil ? [APISubresource.scale] : [])
    }

    /// The opaque hash of the storage version (group, version, kind) discovery advertises, so that
    /// clients can tell when the stored form changes: eight bytes of SHA-256, in base64.
    var storageVersionHash: String {
        let digest = SHA256.hash(data: Data("\(group)/\(version)/\(kind)".utf8))
        return Data(digest.prefix(8)).base64EncodedString()
    }

    /// The discovery entries (`APIResource`) for the resource and each of its subresources.
    var discoveryEntries: [JSONValue] {
        var entry: JSONObject = [
            "name": .string(plural), "singularName": .string(singular), "namespaced": .bool(namespaced),
            "kind": .string(kind), "verbs": .array(discoveryVerbs.map(JSONValue.string)),
        ]
        if !shortNames.isEmpty { entry["shortNames"] = .array(shortNames.map(JSONValue.string)) }
        if !categories.isEmpty { entry["categories"] = .array(categories.map(JSONValue.string)) }
        if isStored { entry["storageVersionHash"] = .string(storageVersionHash) }
        return [.object(entry)] + discoverySubresources.map { subresource in
            var entry: JSONObject = [
                "name": .string(plural + "/" + subresource.name), "singularName": "", "namespaced": .bool(namespaced),
                "kind": .string(subresource.kind.isEmpty ? kind : subresource.kind),
                "verbs": .array(subresource.verbs.map(JSONValue.string)),
            ]
            if subresource.groupVersion != nil {
                entry["group"] = .string(subresource.group)
                entry["version"] = .string(subresource.version)
            }
            return .object(entry)
        }
    }

    /// The resource and its subresources as an aggregated-discovery (`apidiscovery.k8s.io/v2`) entry;
    /// a custom resource's response kinds name its group and version, a built-in one's leave them empty.
    var aggregatedDiscoveryEntry: JSONValue {
        let ownGroup = isCustom ? group : "", ownVersion = isCustom ? version : ""
        var entry: JSONObject = [
            "resource": .string(plural),
            "responseKind": ["group": .string(ownGroup), "version": .string(ownVersion), "kind": .string(kind)],
            "scope": namespaced ? "Namespaced" : "Cluster", "singularResource": .string(singular),
            "verbs": .array(discoveryVerbs.map(JSONValue.string)),
        ]
        if !shortNames.isEmpty { entry["shortNames"] = .array(shortNames.map(JSONValue.string)) }
        if !categories.isEmpty { entry["categories"] = .array(categories.map(JSONValue.string)) }
        let subresources = discoverySubresources.sorted { $0.name < $1.name }
        if !subresources.isEmpty {
            entry["subresources"] = .array(subresources.map { subresource in
                let other = subresource.groupVersion != nil
                let responseKind: JSONValue = [
                    "group": .string(other ? subresource.group : ownGroup), "version": .string(other ? subresource.version : ownVersion),
                    "kind": .string(subresource.kind.isEmpty ? kind : subresource.kind),
                ]
                return ["subresource": .string(subresource.name), "responseKind": responseKind,
                        "verbs": .array(subresource.verbs.map(JSONValue.string))]
            })
        }
        return .object(entry)
    }
}
