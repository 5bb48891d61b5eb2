import Crypto
import Foundation
import KubeModel

extension ResourceType {
    /// A custom resource (served for a CRD) rather than a built-in one.
    var isCustom: Bool { schema != nil }

    /// The verbs in the order discovery lists them: built-in resources alphabetically, custom
    /// resources in the order the apiextensions server registers them.
    var discoveryVerbs: [String] {
        isCustom ? ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"] : verbs
    }

    /// The opaque hash of the storage version (group, version, kind) discovery advertises, so that
    /// clients can tell when the stored form changes: eight bytes of SHA-256, in base64.
    var storageVersionHash: String {
        let digest = SHA256.hash(data: Data("\(group)/\(version)/\(kind)".utf8))
        return Data(digest.prefix(8)).base64EncodedString()
    }

    /// The resource and its subresources as an aggregated-discovery (`apidiscovery.k8s.io/v2`) entry.
    var aggregatedDiscoveryEntry: JSONValue {
        let responseKind: JSONValue = ["group": "", "version": "", "kind": .string(kind)]
        var entry: JSONObject = [
            "resource": .string(plural), "responseKind": responseKind,
            "scope": namespaced ? "Namespaced" : "Cluster", "singularResource": .string(singular),
            "verbs": .array(verbs.map(JSONValue.string)),
        ]
        if !shortNames.isEmpty { entry["shortNames"] = .array(shortNames.map(JSONValue.string)) }
        if !categories.isEmpty { entry["categories"] = .array(categories.map(JSONValue.string)) }
        if hasStatus {
            entry["subresources"] = [["subresource": "status", "responseKind": responseKind, "verbs": ["get", "patch", "update"]]]
        }
        return .object(entry)
    }
}
