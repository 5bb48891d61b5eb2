import Foundation
import KubeModel

/// The component schemas of Kubernetes' published OpenAPI v3 documents (one JSON file per group
/// version, as served at `/openapi/v3/...`), indexed by group, version and kind.
///
/// Load once and share: parsing the documents is the expensive part.
public struct OpenAPISchemas: Sendable {
    /// Every component schema of every document, by name; descriptions are dropped (those of
    /// properties are kept apart, in `propertyDescriptions`).
    public let components: [String: JSONValue]
    /// The documentation of each component's properties, by component name then property (what
    /// the API server shows as a Table column's description).
    public let propertyDescriptions: [String: [String: String]]
    /// Each document's file, by the path the API server serves it at (`apis/apps/v1` for
    /// `apis__apps__v1_openapi.json`).
    public let documentFiles: [String: String]
    private let schemaNames: [GroupVersionKind: String]

    /// Reads every `*.json` document in `directory` (files named as `kubectl` saves
    /// `/openapi/v3`: `apis__apps__v1_openapi.json`), or only those served at `paths` when given.
    public init(directory: String, paths: Set<String>? = nil) throws(SchemaFileError) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw SchemaFileError(path: directory, message: "cannot list the directory: \(error)")
        }
        guard !files.isEmpty else { throw SchemaFileError(path: directory, message: "no OpenAPI documents (*.json)") }
        var documents: [(path: String, source: String, document: JSONValue)] = []
        for file in files {
            let path = directory + "/" + file
            let served = file.replacingOccurrences(of: "_openapi.json", with: "").replacingOccurrences(of: "__", with: "/")
            guard paths?.contains(served) ?? true else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SchemaFileError(path: path, message: "cannot read the file")
            }
            do { documents.append((served, path, try JSONValue(parsingJSON: data))) } catch {
                throw SchemaFileError(path: path, message: error.description)
            }
        }
        try self.init(documents: documents)
    }

    /// Indexes documents already read: each with the path the API server serves it at
    /// (`apis/apps/v1`) and where it came from (a file, a URL), which errors name.
    public init(documents: [(path: String, source: String, document: JSONValue)]) throws(SchemaFileError) {
        var components: [String: JSONValue] = [:]
        var names: [GroupVersionKind: String] = [:]
        var documentFiles: [String: String] = [:]
        var descriptions: [String: [String: String]] = [:]
        for (served, source, document) in documents {
            documentFiles[served] = source
            guard let schemas = document["components"]?["schemas"]?.objectValue else {
                throw SchemaFileError(path: source, message: "no components.schemas")
            }
            for (name, schema) in schemas {
                components[name] = Self.withoutDescriptions(schema)
                for (property, member) in schema["properties"]?.objectValue ?? [:] {
                    if let text = member["description"]?.stringValue { descriptions[name, default: [:]][property] = text }
                }
                for gvk in schema["x-kubernetes-group-version-kind"]?.arrayValue ?? [] {
                    guard let kind = gvk["kind"]?.stringValue, let version = gvk["version"]?.stringValue else { continue }
                    names[GroupVersionKind(group: gvk["group"]?.stringValue ?? "", version: version, kind: kind)] = name
                }
            }
        }
        self.components = components
        self.propertyDescriptions = descriptions
        self.documentFiles = documentFiles
        self.schemaNames = names
    }

    /// The component name of a kind's schema (`io.k8s.api.apps.v1.Deployment`), if published.
    public func schemaName(for gvk: GroupVersionKind) -> String? { schemaNames[gvk] }

    /// Validates a whole object of the given kind; nil when the kind has no published schema.
    public func validate(_ object: JSONValue, as gvk: GroupVersionKind) -> SchemaResult? {
        guard let name = schemaName(for: gvk), let schema = components[name] else { return nil }
        return SchemaValidator(components: components, options: .openAPI).validate(object, against: schema)
    }

    private static func withoutDescriptions(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where key != "description" || member.stringValue == nil {
                result[key] = withoutDescriptions(member)
            }
            return .object(result)
        case .array(let items): return .array(items.map(withoutDescriptions))
        default: return value
        }
    }
}

/// A kind in a group version (`apps/v1 Deployment`); the core group is "".
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// `apps/v1` or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var description: String { "\(apiVersion) \(kind)" }
}
