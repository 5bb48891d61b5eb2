import Crypto
import Foundation
import KubeModel
import KubeSchema

/// The API server's OpenAPI endpoints: `/openapi/v3` (the index: each group version's
/// `serverRelativeURL`, carrying the document's content hash), `/openapi/v3/<path>` (the official
/// documents of the built-in groups, one built per custom resource group version) and
/// `/openapi/v2` (one Swagger 2.0 document of every definition).
actor OpenAPIPublisher {
    /// A served document and its hash (SHA-512, upper-case hex, as the API server computes it).
    struct Document: Sendable {
        let bytes: [UInt8]
        let hash: String

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            hash = SHA512.hash(data: bytes).map { String(format: "%02X", $0) }.joined()
        }
    }

    private let schemas: OpenAPISchemas?
    private var builtin: [String: Document]?
    private var metaComponents: JSONObject?
    private var swaggerDefinitions: JSONObject?

    init(schemas: OpenAPISchemas?) {
        self.schemas = schemas
    }

    /// `{"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=..."}}}`
    func index(_ catalog: Catalog) throws(SandboxError) -> JSONValue {
        var documents = try builtinDocuments()
        for (path, document) in try customDocuments(catalog) { documents[path] = document }
        var paths = JSONObject()
        for path in documents.keys.sorted() {
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(documents[path]?.hash ?? "")")]
        }
        return ["paths": .object(paths)]
    }

    /// The document served at `/openapi/v3/<path>`, nil when there is none.
    func document(at path: String, _ catalog: Catalog) throws(SandboxError) -> Document? {
        if let document = try builtinDocuments()[path] { return document }
        return try customDocuments(catalog)[path]
    }

    /// The Swagger 2.0 document: every built-in and custom resource definition.
    func swagger(_ catalog: Catalog) throws(SandboxError) -> JSONValue {
        var definitions = try builtinDefinitions()
        for (group, version, types) in Self.customGroupVersions(catalog) {
            let document = CustomResourceDocument(group: group, version: version, types: types, metaComponents: [:])
            for (name, schema) in document.json["components"]?["schemas"]?.objectValue ?? [:] {
                definitions[name] = SwaggerConversion.schema(schema)
            }
        }
        return ["swagger": "2.0", "info": ["title": "Kubernetes", "version": "unversioned"],
                "paths": [:], "definitions": .object(definitions)]
    }

    private func builtinDocuments() throws(SandboxError) -> [String: Document] {
        if let builtin { return builtin }
        var documents: [String: Document] = [:]
        for (path, file) in schemas?.documentFiles ?? [:] {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .api(APIStatus(code: 500, reason: "InternalError", message: "cannot read the OpenAPI document \(file)"))
            }
            documents[path] = Document(Array(data))
        }
        builtin = documents
        return documents
    }

    private func customDocuments(_ catalog: Catalog) throws(SandboxError) -> [String: Document] {
        var documents: [String: Document] = [:]
        let meta = try customMetaComponents()
        for (group, version, types) in Self.customGroupVersions(catalog) {
            let document = CustomResourceDocument(group: group, version: version, types: types, metaComponents: meta)
            documents["apis/\(group)/\(version)"] = Document(Array(document.json.jsonText().utf8))
        }
        return documents
    }

    /// Custom resources by group version, in the order served.
    private static func customGroupVersions(_ catalog: Catalog) -> [(String, String, [ServedResource])] {
        var result: [(String, String, [ServedResource])] = []
        for type in catalog.types where type.schema != nil {
            if let index = result.firstIndex(where: { $0.0 == type.group && $0.1 == type.version }) {
                result[index].2.append(type)
            } else {
                result.append((type.group, type.version, [type]))
            }
        }
        return result
    }

    /// ObjectMeta, ListMeta, Status, DeleteOptions, Patch and every component they refer to,
    /// with descriptions, from the smallest built-in document.
    private func customMetaComponents() throws(SandboxError) -> JSONObject {
        if let metaComponents { return metaComponents }
        let documents = try builtinDocuments().values.sorted { $0.bytes.count < $1.bytes.count }
        var result = JSONObject()
        if let smallest = documents.first, let schemas = try Self.parse(smallest)["components"]?["schemas"] {
            var pending = CustomResourceDocument.metaRoots
            while let name = pending.popLast() {
                guard result[name] == nil, let schema = schemas[name] else { continue }
                result[name] = schema
                pending.append(contentsOf: Self.references(in: schema))
            }
        }
        metaComponents = result
        return result
    }

    private func builtinDefinitions() throws(SandboxError) -> JSONObject {
        if let swaggerDefinitions { return swaggerDefinitions }
        var definitions = JSONObject()
        for (_, document) in try builtinDocuments().sorted(by: { $0.key < $1.key }) {
            for (name, schema) in try Self.parse(document)["components"]?["schemas"]?.objectValue ?? [:] where definitions[name] == nil {
                definitions[name] = SwaggerConversion.schema(schema)
            }
        }
        swaggerDefinitions = definitions
        return definitions
    }

    private static func parse(_ document: Document) throws(SandboxError) -> JSONValue {
        do { return try JSONValue(parsingJSON: document.bytes) } catch {
            throw .api(APIStatus(code: 500, reason: "InternalError", message: "an OpenAPI document is not JSON: \(error.description)"))
        }
    }

    /// The component names a schema's `$ref`s point at.
    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            var names: [String] = []
            for (key, member) in object {
                if key == "$ref", let target = member.stringValue, let slash = target.lastIndex(of: "/") {
                    names.append(String(target[target.index(after: slash)...]))
                } else {
                    names += references(in: member)
                }
            }
            return names
        case .array(let items): return items.flatMap(references(in:))
        default: return []
        }
    }
}
