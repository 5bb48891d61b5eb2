import KubeModel

/// The defaults apiextensions.k8s.io/v1 gives a CRD (`conversion.strategy: None`, singular and
/// listKind from the kind, webhook service port 443), and the zero values its Go types omit.
enum CRDDefaults {
    static func applied(to crd: JSONValue) -> JSONValue {
        guard var spec = crd["spec"], spec.objectValue != nil else { return crd }
        if spec["conversion"] == nil { spec["conversion"] = ["strategy": "None"] }
        if spec["conversion"]?["webhook"]?["clientConfig"]?["service"] != nil,
           spec["conversion"]?["webhook"]?["clientConfig"]?["service"]?["port"] == nil {
            spec["conversion"]?["webhook"]?["clientConfig"]?["service"]?["port"] = 443
        }
        if let kind = spec["names"]?["kind"]?.stringValue, !kind.isEmpty {
            if (spec["names"]?["singular"]?.stringValue ?? "").isEmpty { spec["names"]?["singular"] = .string(kind.lowercased()) }
            if (spec["names"]?["listKind"]?.stringValue ?? "").isEmpty { spec["names"]?["listKind"] = .string(kind + "List") }
        }
        if spec["preserveUnknownFields"] == false { spec["preserveUnknownFields"] = nil }
        if let versions = spec["versions"]?.arrayValue {
            spec["versions"] = .array(versions.map(withoutZeroValues))
        }
        var crd = crd
        crd["spec"] = spec
        return crd
    }

    /// `deprecated: false` and printer-column `priority: 0` are omitted, as Go's `omitempty` omits them.
    static func withoutZeroValues(_ version: JSONValue) -> JSONValue {
        var version = version
        if version["deprecated"] == false { version["deprecated"] = nil }
        if let columns = version["additionalPrinterColumns"]?.arrayValue {
            version["additionalPrinterColumns"] = .array(columns.map { column in
                var column = column
                if column["priority"] == 0 { column["priority"] = nil }
                return column
            })
        }
        return version
    }
}
