import KubeModel

/// A Microservice document that could not be accepted, with every problem found in it.
///
/// Each line reads `file:line: Microservice namespace/name: field.path: message`.
public struct MicroserviceError: Error, Sendable, CustomStringConvertible {
    public let origin: SourceOrigin
    /// `namespace/name`, or `(document N)` when the name is missing.
    public let object: String
    public let issues: [ValidationIssue]

    public var description: String {
        issues.map { "\(origin.location(of: $0.path)): Microservice \(object): \($0)" }.joined(separator: "\n")
    }
}

/// Turns source objects into Microservices, strictly: unknown fields, wrong types, bad values
/// and inconsistent references are errors, never silently ignored.
public enum MicroserviceReader {
    /// Whether a source object claims to be a Microservice (by apiVersion group and kind).
    public static func isMicroservice(_ object: SourceObject) -> Bool {
        object.kind == Microservice.kind && (object.apiVersion?.hasPrefix(Microservice.group + "/") ?? false)
    }

    /// Decodes and validates one Microservice.
    public static func read(_ source: SourceObject) throws(MicroserviceError) -> Microservice {
        let value = source.value.removingNulls()
        let name = value["metadata"]?["name"]?.stringValue
        let namespace = value["metadata"]?["namespace"]?.stringValue ?? "default"
        let object = name.map { "\(namespace)/\($0)" } ?? "(document \(source.origin.document))"
        func failure(_ issues: [ValidationIssue]) -> MicroserviceError {
            MicroserviceError(origin: source.origin, object: object, issues: issues)
        }

        if let apiVersion = value["apiVersion"]?.stringValue, apiVersion != Microservice.apiVersion {
            throw failure([ValidationIssue(FieldPath.root.key("apiVersion"),
                                           "\"\(apiVersion)\" is not served; use \(Microservice.apiVersion)")])
        }
        var issues = Microservice.validateDocument(value)
        if value["apiVersion"] == nil { issues.insert(ValidationIssue(FieldPath.root.key("apiVersion"), "is required"), at: 0) }
        guard issues.isEmpty else { throw failure(issues) }

        let microservice: Microservice
        do {
            microservice = try JSONValueDecoder().decode(Microservice.self, from: value)
        } catch {
            throw failure([ValidationIssue.fromDecoding(error)])
        }
        let consistency = microservice.spec.consistencyIssues()
        guard consistency.isEmpty else { throw failure(consistency) }
        return microservice
    }
}

extension ValidationIssue {
    /// An issue naming the field a `DecodingError` stopped at.
    static func fromDecoding(_ error: any Error) -> ValidationIssue {
        guard let error = error as? DecodingError else { return ValidationIssue(.root, "\(error)") }
        let path: [any CodingKey], message: String
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "is required"
        @unknown default:
            return ValidationIssue(.root, "\(error)")
        }
        let components = path.map { key -> FieldPath.Component in
            key.intValue.map { .index($0, name: nil) } ?? .key(key.stringValue)
        }
        return ValidationIssue(FieldPath(components), message)
    }
}

extension JSONValue {
    /// The value with every null object member removed, recursively: the API treats an explicit
    /// null like an absent field.
    public func removingNulls() -> JSONValue {
        switch self {
        case .object(let object):
            return .object(JSONObject(object.compactMap { member in
                member.value.isNull ? nil : (member.key, member.value.removingNulls())
            }))
        case .array(let array): return .array(array.map { $0.removingNulls() })
        default: return self
        }
    }
}
