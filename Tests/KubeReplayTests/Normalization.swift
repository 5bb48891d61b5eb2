import KubeModel

/// The README's normalization, applied to the real and the sandbox side alike before comparing:
/// values that differ per server run become placeholders, and managedFields are reduced.
enum Normalization {
    static let timestampKeys: Set<String> = [
        "creationTimestamp", "deletionTimestamp", "lastTransitionTime", "time", "eventTime", "lastUpdateTime",
        "lastHeartbeatTime", "lastProbeTime", "firstTimestamp", "lastTimestamp", "expirationTimestamp", "startTime",
        "buildDate", "renewTime", "acquireTime", "lastScaleTime",
    ]
    static let buildKeys: Set<String> = ["gitVersion", "gitCommit", "goVersion", "compiler"]
    /// Labels whose value is an object's uid (the Job controller's), normalized like `uid`.
    static let controllerUIDKeys: Set<String> = ["controller-uid", "batch.kubernetes.io/controller-uid"]
    /// The ServiceAccount admission's projected token volume: the prefix and five random characters.
    static let serviceAccountVolumePrefix = "kube-api-access-"
    /// The ConfigMap OpenShift's controller-manager adds to every namespace (not Kubernetes behaviour).
    static let openShiftObject = "openshift-service-ca.crt"
    /// The API group of Shipshape's own CRD, left installed on the recorded cluster (the cases
    /// create renamed copies under `fid.shipshape.dev`): no case made it, so a fresh server lacks it.
    static let leftoverGroup = "shipshape.dev"

    static func normalize(_ value: JSONValue, fullManagedFields: Bool) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object {
                if key == "selfLink" { continue }
                result[key] = normalizeMember(key, member, fullManagedFields: fullManagedFields)
            }
            return .object(tableCells(generatedName(result)))
        case .array(let array):
            return .array(array.filter { !isOpenShiftObject($0) && !isLeftoverGroup($0) }
                .map { normalize($0, fullManagedFields: fullManagedFields) })
        default:
            return value
        }
    }

    private static func normalizeMember(_ key: String, _ value: JSONValue, fullManagedFields: Bool) -> JSONValue {
        switch (key, value) {
        case ("uid", .string(let text)) where !text.isEmpty: return "<uid>"
        case ("resourceVersion", .string(let text)) where !text.isEmpty: return "<rv>"
        case ("continue", .string(let text)) where !text.isEmpty: return "<continue>"
        case ("token", .string(let text)) where text.count >= 20: return "<token>"
        case ("caBundle", .string(let text)) where !text.isEmpty: return "<caBundle>"
        case ("storageVersionHash", .string): return "<hash>"
        case ("clusterIP", .string(let text)) where !text.isEmpty && text != "None": return "<ip>"
        case ("clusterIPs", .array(let ips)):
            return .array(ips.map { ip in ip.stringValue.map { $0 == "None" ? ip : "<ip>" } ?? ip })
        case ("nodePort", .integer): return "<port>"
        case ("managedFields", .array(let entries)): return managedFields(entries, full: fullManagedFields)
        case (_, .string(let text)) where controllerUIDKeys.contains(key) && !text.isEmpty: return "<uid>"
        case ("name", .string(let text)) where isServiceAccountVolume(text): return .string(serviceAccountVolumePrefix + "<rand>")
        case (_, .string) where timestampKeys.contains(key): return "<time>"
        case (_, .string) where buildKeys.contains(key): return "<build>"
        default: return normalize(value, fullManagedFields: fullManagedFields)
        }
    }

    /// `time` dropped, entries sorted by manager, operation, subresource; reduced unless `full`.
    private static func managedFields(_ entries: [JSONValue], full: Bool) -> JSONValue {
        let kept: Set<String> = ["manager", "operation", "subresource", "apiVersion"]
        let reduced = entries.map { entry -> JSONValue in
            guard var object = entry.objectValue else { return entry }
            object["time"] = nil
            if !full { object = JSONObject(object.filter { kept.contains($0.key) }.map { ($0.key, $0.value) }) }
            return .object(object)
        }
        func key(_ entry: JSONValue) -> String {
            ["manager", "operation", "subresource"].map { entry[$0]?.stringValue ?? "" }.joined(separator: "\u{0}")
        }
        return .array(reduced.sorted { key($0) < key($1) })
    }

    /// A name made by `generateName` becomes the prefix and `<generated>`.
    private static func generatedName(_ object: JSONObject) -> JSONObject {
        guard let prefix = object["generateName"]?.stringValue, !prefix.isEmpty,
              let name = object["name"]?.stringValue, name.hasPrefix(prefix), name != prefix
        else { return object }
        var object = object
        object["name"] = .string(prefix + "<generated>")
        return object
    }

    /// A Table's cells that vary per run: age cells ("Age", and columns of type or format `date`
    /// such as "Created At") are timestamps rendered relative to the moment of the request, so they become
    /// `<time>` like the timestamps they show; a name cell (format `name`) made by generateName
    /// becomes prefix + `<generated>`, as the name itself does (when the row carries its object).
    private static func tableCells(_ object: JSONObject) -> JSONObject {
        guard object["kind"]?.stringValue == "Table", let columns = object["columnDefinitions"]?.arrayValue,
              let rows = object["rows"]?.arrayValue else { return object }
        let ages = Set(columns.indices.filter {
            columns[$0]["format"]?.stringValue == "date" || columns[$0]["type"]?.stringValue == "date" || columns[$0]["name"]?.stringValue == "Age"
        })
        let names = Set(columns.indices.filter { columns[$0]["format"]?.stringValue == "name" })
        var result = object
        result["rows"] = .array(rows.map { row in
            guard var cells = row["cells"]?.arrayValue else { return row }
            let prefix = row["object"]?["metadata"]?["generateName"]?.stringValue
            for index in cells.indices {
                if ages.contains(index) { cells[index] = "<time>" }
                if names.contains(index), let prefix, !prefix.isEmpty, let name = cells[index].stringValue, name.hasPrefix(prefix) {
                    cells[index] = .string(prefix + "<generated>")
                }
            }
            var row = row
            row["cells"] = .array(cells)
            return row
        })
        return result
    }

    /// The leftover group's entry in an APIGroupList or an aggregated discovery list.
    private static func isLeftoverGroup(_ value: JSONValue) -> Bool {
        value["versions"] != nil
            && (value["name"]?.stringValue == leftoverGroup || value["metadata"]?["name"]?.stringValue == leftoverGroup)
    }

    /// The recording wrote the generated suffix of a ServiceAccount token volume as `<rand>`.
    private static func isServiceAccountVolume(_ name: String) -> Bool {
        guard name.hasPrefix(serviceAccountVolumePrefix) else { return false }
        let suffix = name.dropFirst(serviceAccountVolumePrefix.count)
        return suffix.count == 5 && suffix.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }

    /// List items, Table rows and projected volume sources for the OpenShift-only ConfigMap.
    private static func isOpenShiftObject(_ value: JSONValue) -> Bool {
        value["metadata"]?["name"]?.stringValue == openShiftObject
            || value["object"]?["metadata"]?["name"]?.stringValue == openShiftObject
            || value["configMap"]?["name"]?.stringValue == openShiftObject
    }
}

extension Normalization {
    /// A Status about an object named by `generateName`: its `details.name` becomes the prefix
    /// and `<generated>`, as the README normalizes generated names.
    static func generatedName(in status: JSONValue, prefix: String?) -> JSONValue {
        guard let prefix, !prefix.isEmpty, let name = status["details"]?["name"]?.stringValue,
              name.hasPrefix(prefix), name != prefix
        else { return status }
        var status = status
        status["details"]?["name"] = .string(prefix + "<generated>")
        return status
    }
}
