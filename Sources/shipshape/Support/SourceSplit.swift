import Checklist
import KubeModel
import ShipshapeAPI

/// Input objects split into Microservices (read strictly) and everything else.
struct SourceSplit {
    var microservices: [(value: Microservice, origin: SourceOrigin)] = []
    var others: [SourceObject] = []
    var errors: [String] = []

    init(_ objects: [SourceObject]) {
        var seen: [String: String] = [:]
        for object in objects {
            guard MicroserviceReader.isMicroservice(object) else {
                let problems = Checklist.shapeProblems(of: object.value)
                guard problems.isEmpty else {
                    let name = "\(object.kind ?? "") \(object.namespace.map { "\($0)/" } ?? "")\(object.name ?? "(unnamed)")"
                    errors += problems.map { "\(object.origin.location(of: $0.path)): \(name): \($0)" }
                    continue
                }
                others.append(object)
                continue
            }
            do {
                let microservice = try MicroserviceReader.read(object)
                if let first = seen[microservice.key] {
                    let location = object.origin.location(of: FieldPath(parsing: "metadata.name"))
                    errors.append("\(location): Microservice \(microservice.key) is also defined at \(first)")
                    continue
                }
                seen[microservice.key] = object.origin.location()
                microservices.append((microservice, object.origin))
            } catch {
                errors.append(error.description)
            }
        }
    }
}
