import Foundation
import KubeClient
import KubeModel

/// Applies objects read from files as `kubectl apply --server-side --force-conflicts` would:
/// Namespaces and CRDs first, each object's namespace created when missing; an object the API
/// server refuses is reported with its file, line and the server's reason, and the rest still go.
struct DevApply {
    let client: KubernetesClient
    static let fieldManager = "shipshape-dev"

    struct Result {
        /// `file:line: Kind namespace/name: reason`, one per refused object.
        var problems: [String] = []
        /// `file:line: Kind namespace/name: warning`, one per Warning the API server (or a webhook) sent.
        var warnings: [String] = []
        /// The Microservices applied, as `namespace/name`.
        var microservices: [String] = []
    }

    func apply(_ objects: [SourceObject]) async -> Result {
        var result = Result()
        var resolver = Resolver(client: client)
        var namespaces = Set<String>()
        let ordered = objects.enumerated().sorted { (Self.rank($0.element), $0.offset) < (Self.rank($1.element), $1.offset) }.map(\.element)
        for object in ordered {
            guard let apiVersion = object.apiVersion, let kind = object.kind, let name = object.name else {
                result.problems.append("\(object.origin.location()): not a Kubernetes object: apiVersion, kind and metadata.name are required")
                continue
            }
            do {
                guard let type = try await resolver.resource(apiVersion: apiVersion, kind: kind) else {
                    result.problems.append("\(object.origin.location()): no matches for kind \"\(kind)\" in version \"\(apiVersion)\"")
                    continue
                }
                var value = object.value
                let namespace = type.namespaced ? object.namespace ?? "default" : nil
                if let namespace {
                    value["metadata"]?["namespace"] = .string(namespace)
                    if !namespaces.contains(namespace) {
                        try await ensureNamespace(namespace)
                        namespaces.insert(namespace)
                    }
                }
                for warning in try await apply(value, type, namespace: namespace, name: name) {
                    let line = object.origin.location(of: Self.field(in: Substring(warning)).map { FieldPath(parsing: $0) } ?? .root)
                    result.warnings.append("\(line): \(kind) \(namespace.map { "\($0)/" } ?? "")\(name): \(warning)")
                }
                if type.group == "shipshape.dev", kind == "Microservice", let namespace { result.microservices.append("\(namespace)/\(name)") }
                if kind == "Namespace" { namespaces.insert(name) }
            } catch {
                let what = "\(kind) \(object.namespace.map { "\($0)/" } ?? "")\(name)"
                result.problems.append("\(Self.location(of: error, in: object)): \(what): \(Self.reason(error))")
            }
        }
        return result
    }

    /// Namespaces first, then CRDs, then everything else, as their order in the files.
    private static func rank(_ object: SourceObject) -> Int {
        switch object.kind {
        case "Namespace": 0
        case "CustomResourceDefinition": 1
        default: 2
        }
    }

    /// Server-side apply, forcing conflicts; returns the response's warnings.
    private func apply(_ value: JSONValue, _ type: ResourceType, namespace: String?, name: String) async throws -> [String] {
        let request = APIRequest(
            method: "PATCH", path: type.path(namespace: namespace, name: name),
            query: [("fieldManager", Self.fieldManager), ("force", "true")], body: Array(value.jsonText().utf8),
            contentType: "application/apply-patch+yaml", idempotent: true)
        let response = try await client.send(request)
        return response.headers.filter { $0.name.lowercased() == "warning" }.map { Self.warningText($0.value) }
    }

    /// The text of a `Warning: 299 - "text"` header.
    static func warningText(_ header: String) -> String {
        guard header.hasPrefix("299 - \""), header.hasSuffix("\""), header.count >= 8 else { return header }
        var text = "", escaped = false
        for character in header.dropFirst(7).dropLast() {
            if !escaped, character == "\\" { escaped = true; continue }
            text.append(character)
            escaped = false
        }
        return text
    }

    private func ensureNamespace(_ name: String) async throws {
        do {
            _ = try await client.resource(.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
        } catch let error as KubeError where error.isAlreadyExists {}
    }

    /// The line of the first field the server names (a cause's field, else the first field a
    /// webhook's message lists as `- spec.x: ...` or `- rule: spec.x ...`), else of the object.
    static func location(of error: any Error, in object: SourceObject) -> String {
        let status = (error as? KubeError)?.status
        let field = status?.details?.causes?.compactMap(\.field).first { !$0.isEmpty } ?? status?.message.flatMap(listedField)
        return object.origin.location(of: field.map { FieldPath(parsing: $0) } ?? .root)
    }

    /// The first field named on a `- ` line of `message`.
    static func listedField(in message: String) -> String? {
        message.split(separator: "\n").lazy.filter { $0.hasPrefix("- ") }.compactMap(field(in:)).first
    }

    /// The first `spec.`/`metadata.` path among the words of `text`, up to any named index
    /// (`spec.env[DB_PASSWORD].value` gives `spec.env`: source lines are known by position only).
    static func field(in text: Substring) -> String? {
        guard let word = text.split(separator: " ").first(where: { $0.hasPrefix("spec.") || $0.hasPrefix("metadata.") }) else { return nil }
        var path = word.trimmingCharacters(in: CharacterSet(charactersIn: ":.,"))
        if let bracket = path.firstIndex(of: "["), path[path.index(after: bracket)...].first?.isNumber != true {
            path = String(path[..<bracket])
        }
        return path
    }

    static func reason(_ error: any Error) -> String {
        if let status = (error as? KubeError)?.status, let message = status.message { return message }
        return "\(error)"
    }

    /// Kinds to resources through discovery, one request per group version.
    private struct Resolver {
        let client: KubernetesClient
        var discovered: [String: [DiscoveredResource]] = [:]

        init(client: KubernetesClient) { self.client = client }

        mutating func resource(apiVersion: String, kind: String) async throws -> ResourceType? {
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", apiVersion)
            // A CRD applied earlier in this run may have added resources since the last look.
            if discovered[apiVersion]?.contains(where: { $0.kind == kind && !$0.name.contains("/") }) != true {
                discovered[apiVersion] = try await client.discoverResources(group: group, version: version) ?? []
            }
            guard let found = discovered[apiVersion]?.first(where: { $0.kind == kind && !$0.name.contains("/") }) else { return nil }
            return ResourceType(group: group, version: version, resource: found.name, kind: kind, namespaced: found.namespaced)
        }
    }
}
