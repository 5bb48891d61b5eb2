import Checklist
import KubeModel
import ShipshapeAPI

/// What `audit` judges, from files or a cluster, and how reports locate each object.
struct AuditInput {
    var objects: [JSONValue]
    var microservices: [Microservice] = []
    /// Documents that could not be read or judged; reported beside the verdicts.
    var problems: [InputProblem] = []
    /// The source of an object in a report of a given format.
    var sources: (ReportFormat) -> SourceLookup

    /// Objects and Microservices read from files, directories or `-`, located at their lines.
    /// Unreadable documents become `problems` and the rest is judged; with `strict`, any problem
    /// (or a workload that breaks the schema) refuses the whole input instead.
    static func files(_ paths: [String], strict: Bool = false) throws(CLIError) -> AuditInput {
        let loaded = InputFiles.load(paths)
        let split = SourceSplit(loaded.objects, refusing: strict ? Checklist.schemaProblems : { _ in [] })
        let problems = loaded.problems + split.problems
        if strict, !problems.isEmpty { throw CLIError.invalidInput(problems.map(\.description)) }
        let origins = split.others.map(\.origin) + split.microservices.map(\.origin)
        let lookup: SourceLookup = { ref in ref.inputIndex.flatMap { origins.indices.contains($0) ? origins[$0] : nil } }
        return AuditInput(objects: split.others.map(\.value), microservices: split.microservices.map(\.value),
                          problems: problems, sources: { _ in lookup })
    }

    /// Objects read live. Tables and JSON name objects by kind, namespace and name alone; SARIF
    /// and JUnit, whose consumers expect a location, get `cluster` (the context's name) with no line.
    static func cluster(_ objects: [JSONValue], name: String) -> AuditInput {
        let location = ClusterLocation(file: name)
        return AuditInput(objects: objects) { format in
            switch format {
            case .table, .json: return { _ in nil }
            case .sarif, .junit: return { _ in location }
            }
        }
    }
}

/// The location of an object read from a cluster: the cluster's name, no document or line.
struct ClusterLocation: SourceLocating {
    let file: String
    var document: Int { 0 }
    func line(of path: FieldPath) -> Int? { nil }
}
