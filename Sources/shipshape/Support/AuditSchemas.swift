import Checklist
import Foundation
import KubeClient
import KubeModel
import KubeSchema

/// The Kubernetes schemas `audit` judges workloads against (`schema-valid`, every field): a
/// directory of OpenAPI v3 documents (`--schemas`), or the cluster's own `/openapi/v3`.
enum AuditSchemas {
    /// The workloads' documents in `directory` (as `/openapi/v3` is saved: `api__v1_openapi.json`,
    /// `apis__apps__v1_openapi.json`, ...). A directory without any of them is invalid input (exit 2).
    static func load(directory: String) throws(CLIError) -> OpenAPISchemas {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.invalidInput(["--schemas \(directory): no such directory"])
        }
        let schemas: OpenAPISchemas
        do { schemas = try OpenAPISchemas(directory: directory, paths: Checklist.schemaDocumentPaths) } catch {
            throw CLIError.invalidInput(["--schemas \(error)"])
        }
        guard !schemas.documentFiles.isEmpty else {
            let expected = Checklist.schemaDocumentPaths.sorted().map { $0.replacingOccurrences(of: "/", with: "__") + "_openapi.json" }
            throw CLIError.invalidInput(["--schemas \(directory): none of the workloads' OpenAPI v3 documents (\(expected.joined(separator: ", ")))"])
        }
        return schemas
    }

    /// The workloads' documents the cluster publishes under `/openapi/v3`; nil, with the reason,
    /// when it publishes none of them or they cannot be read (the audit then checks the fields
    /// the rules read, as without schemas).
    static func fetch(from client: KubernetesClient) async -> (schemas: OpenAPISchemas?, note: String?) {
        do {
            let index = try await json(client.send(APIRequest(method: "GET", path: "/openapi/v3", idempotent: true)).body)
            var documents: [(path: String, source: String, document: JSONValue)] = []
            for path in Checklist.schemaDocumentPaths.sorted() {
                guard let url = index["paths"]?[path]?["serverRelativeURL"]?.stringValue else { continue }
                // `/openapi/v3/apis/apps/v1?hash=...`: the hash is hex, sent as given.
                let parts = url.split(separator: "?", maxSplits: 1)
                let query: [(String, String)] = parts.count == 2 ? parts[1].split(separator: "&").map { pair in
                    let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (halves.first ?? "", halves.count == 2 ? halves[1] : "")
                } : []
                let body = try await client.send(APIRequest(method: "GET", path: String(parts[0]), query: query, idempotent: true)).body
                documents.append((path, url, try json(body)))
            }
            guard !documents.isEmpty else {
                return (nil, "the cluster publishes no OpenAPI v3 document for the workloads; schema-valid checks only the fields the rules read")
            }
            return (try OpenAPISchemas(documents: documents), nil)
        } catch {
            return (nil, "cannot read the cluster's OpenAPI v3 schemas (\(error)); schema-valid checks only the fields the rules read")
        }
    }

    private static func json(_ body: [UInt8]) throws -> JSONValue { try JSONValue(parsingJSON: body) }
}
