import Foundation
import KubeModel
import KubeSchema

/// The `meta.k8s.io` Table `kubectl get` asks for: a custom resource's columns come from its
/// CRD's printer columns, a built-in kind's are the API server's own (`TableView+Builtin`), any
/// other kind gets Name and Created At. Each row carries the object as `includeObject` asks:
/// PartialObjectMetadata (the default), the whole object, or nothing.
struct TableView {
    /// `?includeObject=`: what each row's `object` holds.
    enum IncludeObject: String {
        case none = "None", metadata = "Metadata", object = "Object"
    }

    let type: ServedResource
    /// When ages are measured from (the sandbox's wall clock unless a test fixes it).
    let now: Date
    var includeObject: IncludeObject = .metadata
    /// `v1`, or `v1beta1` for a client that asked for that version.
    var version = "v1"
    /// Where built-in columns' descriptions come from (the sandbox's official schemas).
    var schemas: OpenAPISchemas?

    init(type: ServedResource, now: Date = Date(), includeObject: IncludeObject = .metadata, version: String = "v1",
         schemas: OpenAPISchemas? = nil) {
        self.type = type
        self.now = now
        self.includeObject = includeObject
        self.version = version
        self.schemas = schemas
    }

    var columns: [TableColumn] {
        guard type.printerColumns.isEmpty else { return [TableColumn.name] + type.printerColumns.map(TableColumn.init(printerColumn:)) }
        return TableColumn.builtin(type) ?? [TableColumn.name, TableColumn.createdAt]
    }

    /// The Table of `objects`; a list's page carries its `continue` token and remaining count.
    func table(_ objects: [JSONValue], resourceVersion: String?, page: ListPage? = nil) -> JSONValue {
        let columns = columns
        let definitions: [JSONValue] = columns.map { column in
            ["name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
             "description": .string(column.description(in: schemas)), "priority": .integer(column.priority)]
        }
        let rows: [JSONValue] = objects.map { object in
            let cells = columns.map { $0.cell(object, now) }
            let included: JSONValue
            switch includeObject {
            case .none: included = .null
            case .metadata: included = Responses.partialMetadata(object, version: version)
            case .object: included = object
            }
            return ["cells": .array(cells), "object": included]
        }
        var metadata = JSONObject()
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        if let token = page?.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page?.remainingItemCount { metadata["remainingItemCount"] = .integer(remaining) }
        return ["kind": "Table", "apiVersion": .string("meta.k8s.io/" + version), "metadata": .object(metadata),
                "columnDefinitions": .array(definitions), "rows": .array(rows)]
    }

    /// How long ago, as kubectl prints ages: `45s`, `3m12s`, `40m`, `5h3m`, `20h`, `3d4h`, `90d`, `2y`.
    static func age(_ interval: TimeInterval) -> String {
        let seconds = max(0, Int(interval))
        let minutes = seconds / 60, hours = minutes / 60, days = hours / 24
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s"
        case ..<10_800: return "\(minutes)m"
        case ..<28_800: return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<172_800: return "\(hours)h"
        case ..<691_200: return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        case ..<63_072_000: return "\(days)d"
        default: return "\(days / 365)y"
        }
    }
}
