import Foundation
import KubeModel
import KubeSchema

/// Values a real API server cannot even decode into its Go types (malformed base64, quantities
/// or timestamps): a 400 `cannot be handled as a <Kind>`, before any validation.
extension Validation {
    static func decodable(_ object: JSONValue, _ type: ServedResource) throws(SandboxError) {
        if let problem = decodeProblem(object, type) {
            throw .api(.badRequest("\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): \(problem)"))
        }
    }

    /// The 400 for a built-in object whose field has the wrong JSON type (`"replicas": "2"`):
    /// the real server fails to unmarshal it rather than reporting a field error.
    static func undecodable(_ type: ServedResource, _ violation: SchemaViolation, in object: JSONValue) -> APIStatus {
        let found = object[violation.path.indexOnly]?.typeName ?? "value"
        return .badRequest("\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): json: cannot unmarshal \(found) into Go struct field \(type.kind).\(violation.path.indexOnly)")
    }

    /// Strict decoding refuses a JSON body that repeats a field.
    static func noDuplicateFields(_ bytes: [UInt8], _ type: ServedResource) throws(SandboxError) {
        let repeated = DuplicateFields.find(in: bytes)
        guard !repeated.isEmpty else { return }
        let listed = repeated.map { "duplicate field \"\($0)\"" }.joined(separator: ", ")
        throw .api(.badRequest("\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): strict decoding error: \(listed)"))
    }

    static func decodeProblem(_ object: JSONValue, _ type: ServedResource) -> String? {
        switch type.storageKey {
        case "secrets": return base64Problem(object["data"])
        case "configmaps": return base64Problem(object["binaryData"])
        case "leases.coordination.k8s.io":
            return ["acquireTime", "renewTime"].lazy.compactMap { microTimeProblem(object["spec"]?[$0]) }.first
        case "events" where EventConversion.isEventsView(type): return microTimeProblem(object["eventTime"])
        case "resourcequotas": return quantityProblem(object["spec"]?["hard"])
        case "persistentvolumeclaims":
            return quantityProblem(object["spec"]?["resources"]?["requests"]) ?? quantityProblem(object["spec"]?["resources"]?["limits"])
        default:
            let specs = [object["spec"], object["spec"]?["template"]?["spec"], object["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]]
            for spec in specs.compactMap({ $0 }) {
                for list in ["initContainers", "containers"] {
                    for container in spec[list]?.arrayValue ?? [] {
                        let resources = container["resources"]
                        if let problem = quantityProblem(resources?["limits"]) ?? quantityProblem(resources?["requests"]) { return problem }
                    }
                }
            }
            return nil
        }
    }

    private static func base64Problem(_ map: JSONValue?) -> String? {
        for (_, value) in map?.objectValue ?? JSONObject() {
            guard let text = value.stringValue?.filter({ $0 != "\n" && $0 != "\r" }) else { continue }
            if Data(base64Encoded: text) == nil {
                let offset = text.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=")) }
                    .map { text.distance(from: text.startIndex, to: $0) } ?? 0
                return "illegal base64 data at input byte \(offset)"
            }
        }
        return nil
    }

    private static func quantityProblem(_ map: JSONValue?) -> String? {
        for (_, value) in map?.objectValue ?? JSONObject() {
            if let text = quantityText(value), Quantity.parse(text) != nil { continue }
            return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        }
        return nil
    }

    private static func microTimeProblem(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        if text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/#) != nil { return nil }
        return "parsing time \"\(text)\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"\(text)\" as \"2006\""
    }
}
