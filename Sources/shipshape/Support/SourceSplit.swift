import Checklist
import KubeModel
import ShipshapeAPI

/// Input objects split into Microservices (read strictly) and everything else.
struct SourceSplit {
    var microservices: [(value: Microservice, origin: SourceOrigin)] = []
    var others: [SourceObject] = []
    var problems: [InputProblem] = []
    /// Each problem as `file:line: message`.
    var errors: [String] { problems.map(\.description) }

    /// `refusing` names what keeps another object out (by default a workload too malformed to
    /// judge; an audit judges those and passes `{ _ in [] }`).
    init(_ objects: [SourceObject], refusing: (JSONValue) -> [ShapeProblem] = Checklist.shapeProblems) {
        for object in objects { add(object, refusing: refusing) }
    }

    /// Where each Microservice read so far is defined, by key, to refuse a second definition.
    private var seen: [String: String] = [:]

    /// Sorts one more object into `microservices`, `others` or `problems`.
    mutating func add(_ object: SourceObject, refusing: (JSONValue) -> [ShapeProblem] = Checklist.shapeProblems) {
        guard MicroserviceReader.isMicroservice(object) else {
            let refused = refusing(object.value)
            guard refused.isEmpty else {
                let name = "\(object.kind ?? "") \(object.namespace.map { "\($0)/" } ?? "")\(object.name ?? "(unnamed)")"
                problems += refused.map {
                    InputProblem(file: object.origin.file, document: object.origin.document,
                                 line: object.origin.line(of: $0.path), message: "\(name): \($0)")
                }
                return
            }
            others.append(object)
            return
        }
        do {
            let microservice = try MicroserviceReader.read(object)
            if let first = seen[microservice.key] {
                problems.append(InputProblem(
                    file: object.origin.file, document: object.origin.document,
                    line: object.origin.line(of: FieldPath(parsing: "metadata.name")),
                    message: "Microservice \(microservice.key) is also defined at \(first)"))
                return
            }
            seen[microservice.key] = object.origin.location()
            microservices.append((microservice, object.origin))
        } catch {
            problems += error.issues.map {
                InputProblem(file: error.origin.file, document: error.origin.document,
                             line: error.origin.line(of: $0.path), message: "Microservice \(error.object): \($0)")
            }
        }
    }
}
