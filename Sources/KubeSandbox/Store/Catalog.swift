import KubeModel

/// The resources being served: the built-in ones plus every established CRD's served versions.
struct Catalog: Sendable {
    private(set) var types: [ServedResource] = BuiltinResources.all

    func find(group: String, version: String, plural: String) -> ServedResource? {
        types.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    /// The resources served in one group version, in discovery order.
    func resources(group: String, version: String) -> [ServedResource] {
        types.filter { $0.group == group && $0.version == version }
    }

    /// Group names (core excluded) with their versions, in the order first served.
    var groups: [(name: String, versions: [String])] {
        var result: [(name: String, versions: [String])] = []
        for type in types where !type.group.isEmpty {
            if let index = result.firstIndex(where: { $0.name == type.group }) {
                if !result[index].versions.contains(type.version) { result[index].versions.append(type.version) }
            } else {
                result.append((type.group, [type.version]))
            }
        }
        return result
    }

    /// Serves (or re-serves, after an update) the versions of a CRD.
    mutating func install(_ crd: JSONValue) {
        let fresh = Self.resourceTypes(of: crd)
        guard let first = fresh.first else { return }
        types.removeAll { $0.group == first.group && $0.plural == first.plural }
        types.append(contentsOf: fresh)
    }

    /// Stops serving a CRD's resource.
    mutating func uninstall(_ crd: JSONValue) {
        guard let group = crd["spec"]?["group"]?.stringValue,
              let plural = crd["spec"]?["names"]?["plural"]?.stringValue else { return }
        types.removeAll { $0.group == group && $0.plural == plural }
    }

    static func resourceTypes(of crd: JSONValue) -> [ServedResource] {
        guard let spec = crd["spec"], let group = spec["group"]?.stringValue,
              let names = spec["names"], let plural = names["plural"]?.stringValue,
              let kind = names["kind"]?.stringValue else { return [] }
        return (spec["versions"]?.arrayValue ?? []).compactMap { version -> ServedResource? in
            guard let name = version["name"]?.stringValue, version["served"]?.boolValue != false else { return nil }
            return ServedResource(
                group: group, version: name, plural: plural,
                singular: names["singular"]?.stringValue ?? kind.lowercased(), kind: kind,
                namespaced: spec["scope"]?.stringValue != "Cluster",
                shortNames: (names["shortNames"]?.arrayValue ?? []).compactMap(\.stringValue),
                categories: (names["categories"]?.arrayValue ?? []).compactMap(\.stringValue),
                hasStatus: version["subresources"]?["status"] != nil,
                schema: version["schema"]?["openAPIV3Schema"] ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                printerColumns: version["additionalPrinterColumns"]?.arrayValue ?? [],
                deprecationWarning: version["deprecated"]?.boolValue == true
                    ? version["deprecationWarning"]?.stringValue ?? "\(group)/\(name) \(kind) is deprecated" : nil,
                scale: ScaleSubresource(version["subresources"]?["scale"])
            )
        }
    }
}

extension Catalog {
    /// Whether any resource is served in `group` (and `version`, when given); the core group always is.
    func serves(group: String, version: String? = nil) -> Bool {
        group.isEmpty || types.contains { $0.group == group && (version == nil || $0.version == version) }
    }
}
