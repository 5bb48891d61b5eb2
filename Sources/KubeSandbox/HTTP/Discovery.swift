import KubeModel

/// The legacy discovery documents: `/api`, `/apis`, `/apis/GROUP`, `/api/v1`, `/apis/GROUP/VERSION`.
enum Discovery {
    static let version: JSONValue = [
        "major": "1", "minor": "36", "emulationMajor": "1", "emulationMinor": "36",
        "minCompatibilityMajor": "1", "minCompatibilityMinor": "35", "gitVersion": "v1.36.0-kubesandbox", "gitCommit": "", "gitTreeState": "clean",
        "buildDate": "2026-01-01T00:00:00Z", "goVersion": "swift", "compiler": "swift", "platform": "linux/amd64",
    ]

    static let coreVersions: JSONValue = [
        "kind": "APIVersions", "versions": ["v1"],
        "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"]],
    ]

    static func groupList(_ catalog: Catalog) -> JSONValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(catalog.groups.map { groupBody($0.name, $0.versions, kind: nil) })]
    }

    static func group(_ name: String, _ catalog: Catalog) -> JSONValue? {
        guard let entry = catalog.groups.first(where: { $0.name == name }) else { return nil }
        return groupBody(entry.name, entry.versions, kind: "APIGroup")
    }

    private static func groupBody(_ name: String, _ versions: [String], kind: String?) -> JSONValue {
        let entries: [JSONValue] = versions.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        var body = JSONObject()
        if let kind {
            body["kind"] = .string(kind)
            body["apiVersion"] = "v1"
        }
        body["name"] = .string(name)
        body["versions"] = .array(entries)
        body["preferredVersion"] = entries.first ?? .null
        return .object(body)
    }

    /// A group version's APIResourceList; the core group's (`/api/v1`) has no apiVersion.
    static func resourceList(group: String, version: String, _ resources: [ServedResource]) -> JSONValue {
        var body: JSONObject = [
            "kind": "APIResourceList",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
            // Built-in group versions list resources alphabetically; CRDs' keep their own order.
            "resources": .array((resources.contains(where: \.isCustom) ? resources : resources.sorted { $0.plural < $1.plural })
                .flatMap(\.discoveryEntries)),
        ]
        if !group.isEmpty { body["apiVersion"] = "v1" }
        return .object(body)
    }
}
