import Checklist
import KubeModel
import KubeSchema

/// What `audit` judges from a cluster, and how reports locate each object (files are read by
/// `FileAudit`).
struct AuditInput {
    var objects: [JSONValue]
    /// The source of an object in a report of a given format.
    var sources: (ReportFormat) -> SourceLookup
    /// The workloads' schemas the cluster publishes, when fetched.
    var schemas: OpenAPISchemas?

    /// Objects read live. Tables and JSON name objects by kind, namespace and name alone; SARIF
    /// and JUnit, whose consumers expect a location, get `cluster` (the context's name) with no line.
    static func cluster(_ objects: [JSONValue], name: String) -> AuditInput {
        let location = ClusterLocation(file: name)
        return AuditInput(objects: objects, sources: { format in
            switch format {
            case .table, .json: return { _ in nil }
            case .sarif, .junit: return { _ in location }
            }
        })
    }
}

/// The location of an object read from a cluster: the cluster's name, no document or line.
struct ClusterLocation: SourceLocating {
    let file: String
    var document: Int { 0 }
    func line(of path: FieldPath) -> Int? { nil }
}
