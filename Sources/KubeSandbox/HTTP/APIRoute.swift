import Foundation

/// What a request path names, before the resource is looked up in the catalog.
enum APIRoute: Equatable {
    case coreVersions
    case groups
    case group(String)
    case resources(group: String, version: String)
    case version
    case health
    /// `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group version path>`: what follows `openapi/`.
    case openAPI(String)
    case resource(ResourcePath)

    /// `/api/v1/namespaces/shop/deployments/web/status`, split into its parts.
    struct ResourcePath: Equatable {
        var group: String
        var version: String
        var plural: String
        var namespace: String?
        var name: String?
        var subresource: String?
        /// Reached by the deprecated `/api/v1/watch/...` form: a watch without `?watch=true`.
        var legacyWatch = false
    }

    init?(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "api":
            if parts.count == 1 { self = .coreVersions; return }
            guard parts[1] == "v1" else { return nil }
            self.init(group: "", version: "v1", rest: Array(parts.dropFirst(2)))
        case "apis":
            if parts.count == 1 { self = .groups; return }
            if parts.count == 2 { self = .group(parts[1]); return }
            self.init(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)))
        case "version":
            self = .version
        case "healthz", "readyz", "livez":
            self = .health
        case "openapi" where parts.count > 1:
            self = .openAPI(parts.dropFirst().joined(separator: "/"))
        default:
            return nil
        }
    }

    private init?(group: String, version: String, rest: [String]) {
        if rest.isEmpty { self = .resources(group: group, version: version); return }
        var rest = rest
        let legacyWatch = rest.first == "watch" && rest.count > 1
        if legacyWatch { rest.removeFirst() }
        var namespace: String?
        if rest.count >= 3, rest[0] == "namespaces", !(rest.count == 3 && ["status", "finalize"].contains(rest[2])) {
            namespace = rest[1]
            rest.removeFirst(2)
        }
        guard (1...3).contains(rest.count) else { return nil }
        self = .resource(ResourcePath(group: group, version: version, plural: rest[0], namespace: namespace,
                                      name: rest.count > 1 ? rest[1] : nil, subresource: rest.count > 2 ? rest[2] : nil,
                                      legacyWatch: legacyWatch))
    }
}

/// Query parameters, decoded the way Go's url.ParseQuery does (`+` is a space).
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ query: String) {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            guard let key = parts.first.map(decode) else { continue }
            if values[key] == nil { values[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
    }

    subscript(name: String) -> String? { values[name] }

    func flag(_ name: String) -> Bool {
        guard let value = values[name] else { return false }
        return value == "1" || value.lowercased() == "true"
    }
}
