import Foundation
import KubeModel
import KubeSchema

/// One column of a Table: its definition and how a row's cell is computed from the object.
struct TableColumn: Sendable {
    var name: String
    var type = "string"
    var format = ""
    var description: String
    /// 0 for the default columns, 1 for those `-o wide` adds.
    var priority = 0
    /// The field the API server documents the column with (`io.k8s.api.core.v1.ServiceSpec`,
    /// `type`): its full description comes from the official schemas when the sandbox has them,
    /// `description` (its first sentence) otherwise.
    var documentation: (schema: String, property: String)?
    let cell: @Sendable (_ object: JSONValue, _ now: Date) -> JSONValue

    init(_ name: String, type: String = "string", format: String = "", priority: Int = 0, _ description: String,
         cell: @escaping @Sendable (_ object: JSONValue, _ now: Date) -> JSONValue) {
        self.name = name
        self.type = type
        self.format = format
        self.priority = priority
        self.description = description
        self.cell = cell
    }

    /// This column, documented by a field of the official schemas.
    func documented(by schema: String, _ property: String) -> TableColumn {
        var column = self
        column.documentation = (schema, property)
        return column
    }

    /// The column's description: its field's documentation in `schemas`, if there.
    func description(in schemas: OpenAPISchemas?) -> String {
        documentation.flatMap { schemas?.propertyDescriptions[$0.schema]?[$0.property] } ?? description
    }

    /// A CRD's additionalPrinterColumn: its JSONPath evaluated on the object, dates as ages.
    init(printerColumn column: JSONValue) {
        let path = JSONPathLite(column["jsonPath"]?.stringValue ?? "")
        let isDate = column["type"]?.stringValue == "date"
        self.init(column["name"]?.stringValue ?? "", type: column["type"]?.stringValue ?? "string",
                  format: column["format"]?.stringValue ?? "", priority: column["priority"]?.intValue ?? 0,
                  column["description"]?.stringValue ?? "Custom resource definition column (in JSONPath format): \(column["jsonPath"]?.stringValue ?? "")") { object, now in
            let values = path.evaluate(on: object)
            guard let first = values.first else { return .null }
            if isDate, let text = first.stringValue {
                return .string(ISO8601DateFormatter().date(from: text).map { TableView.age(now.timeIntervalSince($0)) } ?? text)
            }
            guard values.count > 1 else { return first }
            return .string(values.map { $0.stringValue ?? $0.jsonText() }.joined(separator: ","))
        }
    }

    static let name = TableColumn("Name", format: "name", nameDescription) { object, _ in object["metadata"]?["name"] ?? .null }

    /// The default Table's second column: the creation time itself.
    static let createdAt = TableColumn("Created At", type: "date", createdDescription) { object, _ in
        object["metadata"]?["creationTimestamp"] ?? .null
    }

    static let age = TableColumn("Age", ageDescription) { object, now in .string(age(of: object, now: now)) }

    /// `5m`, or `<unknown>` without a creation time.
    static func age(of object: JSONValue, now: Date) -> String {
        ageSince(object["metadata"]?["creationTimestamp"], now: now)
    }

    static func ageSince(_ timestamp: JSONValue?, now: Date) -> String {
        guard let text = timestamp?.stringValue, let date = ISO8601DateFormatter().date(from: text) else { return "<unknown>" }
        return TableView.age(now.timeIntervalSince(date))
    }

    static let nameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
    static let ageDescription = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
    static let createdDescription = "Timestamp is a timestamp representing the server time when this object was created. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
}

/// The text forms cells share.
enum TableText {
    /// The strings joined by commas, `<none>` when there are none.
    static func list(_ items: [String]) -> String { items.isEmpty ? "<none>" : items.joined(separator: ",") }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `a=b,c=d` in key order, `<none>` when empty.
    static func labels(_ value: JSONValue?) -> String {
        let pairs = (value?.objectValue.map { Array($0) } ?? []).sorted { $0.key < $1.key }
        return list(pairs.map { "\($0.key)=\($0.value.stringValue ?? $0.value.jsonText())" })
    }

    /// A LabelSelector as a selector string: `app=web,tier in (a,b),!legacy`; `<none>` when empty.
    static func selector(_ value: JSONValue?) -> String {
        var parts = (value?["matchLabels"]?.objectValue.map { Array($0) } ?? []).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.stringValue ?? "")" }
        for expression in value?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = strings(expression["values"]).sorted().joined(separator: ",")
            switch expression["operator"]?.stringValue {
            case "In": parts.append("\(key) in (\(values))")
            case "NotIn": parts.append("\(key) notin (\(values))")
            case "Exists": parts.append(key)
            case "DoesNotExist": parts.append("!" + key)
            default: continue
            }
        }
        return list(parts)
    }

    /// The names and images of a pod template's containers.
    static func containers(_ podSpec: JSONValue?) -> (names: String, images: String) {
        let containers = podSpec?["containers"]?.arrayValue ?? []
        return (containers.compactMap { $0["name"]?.stringValue }.joined(separator: ","),
                containers.compactMap { $0["image"]?.stringValue }.joined(separator: ","))
    }

    static func integer(_ value: JSONValue?) -> Int { value?.intValue ?? 0 }
}
