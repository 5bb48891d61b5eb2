import KubeModel
import KubeSchema

extension Checklist {
    /// Where a cluster serves the OpenAPI v3 documents of the workloads an audit judges
    /// (`api/v1`, `apis/apps/v1`, ... below `/openapi/v3/`): every apiVersion that serves one.
    public static let schemaDocumentPaths: Set<String> = Set(WorkloadKind.allCases.flatMap { kind in
        (AuditedKinds.apiVersions[kind.rawValue] ?? []).map { $0.contains("/") ? "apis/\($0)" : "api/\($0)" }
    })

    /// Where a workload breaks the Kubernetes schema, as `schema-valid` reports it: with `schemas`,
    /// every field against its kind's published schema (`schemaProblems(of:schemas:)`), else the
    /// fields the rules read (`schemaProblems(of:)`).
    public func schemaProblems(of object: JSONValue) -> [ShapeProblem] {
        Self.schemaProblems(of: object, schemas: schemas)
    }

    /// The shape problems (`shapeProblems(of:)`), then every violation of the kind's OpenAPI
    /// schema in `schemas`: a required field missing, a wrong type (`spec.replicas: "2"`), a value
    /// outside its enum or bounds, a field the kind does not have; one problem per path. Without
    /// schemas, or for an apiVersion they do not publish, the fields the rules read. Empty for
    /// kinds that are not workloads.
    static func schemaProblems(of object: JSONValue, schemas: OpenAPISchemas?) -> [ShapeProblem] {
        guard let schemas, let kind = object["kind"]?.stringValue.flatMap(WorkloadKind.init(rawValue:)),
              let gvk = groupVersionKind(of: object, kind: kind.rawValue),
              let result = schemas.validate(object, as: gvk)
        else { return schemaProblems(of: object) }
        var problems = shapeProblems(of: object)
        var reported = Set(problems.map(\.path))
        func add(_ path: FieldPath, _ message: String) {
            guard reported.insert(path).inserted else { return }
            problems.append(ShapeProblem(path: path, message: message))
        }
        for violation in result.violations { add(violation.path, problem(violation, in: object)) }
        for path in result.unknownFields { add(path, "is not a field of \(gvk.kind) (\(gvk.apiVersion))") }
        return problems
    }

    /// The kind at the object's apiVersion; a missing apiVersion reads as the kind's current one.
    private static func groupVersionKind(of object: JSONValue, kind: String) -> GroupVersionKind? {
        guard let apiVersion = object["apiVersion"]?.stringValue ?? AuditedKinds.apiVersions[kind]?.first else { return nil }
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? GroupVersionKind(group: parts[0], version: parts[1], kind: kind)
            : GroupVersionKind(group: "", version: apiVersion, kind: kind)
    }

    /// A violation as the rest of a sentence whose subject is its path.
    private static func problem(_ violation: SchemaViolation, in object: JSONValue) -> String {
        switch violation.kind {
        case .required:
            return "is required"
        case .type:
            let actual = object[violation.path]?.typeName ?? "null"
            return "must be \(violation.expectedType.map(withArticle) ?? "of another type"), not \(actual)"
        default:
            return "is invalid: \(violation.message)"
        }
    }

    /// `an integer`, `a string`, `an integer or a string`.
    private static func withArticle(_ types: String) -> String {
        types.components(separatedBy: " or ").map { type in
            switch type {
            case "array": return "a list"
            case "integer", "object": return "an \(type)"
            default: return "a \(type)"
            }
        }.joined(separator: " or ")
    }
}
