import KubeModel

/// A workload too malformed to judge: without its containers every container rule would pass
/// vacuously, so the audit reports it as invalid input instead of scoring it.
public struct ShapeProblem: Sendable, Hashable, CustomStringConvertible {
    public let path: FieldPath
    public let message: String
    public var description: String { "\(path): \(message)" }
}

extension Checklist {
    /// What keeps `object` from being judged, if it is a workload (empty for other kinds and for
    /// well-formed workloads): a pod spec, and a non-empty `containers` list of named objects
    /// (init and ephemeral containers, when present, likewise).
    public static func shapeProblems(of object: JSONValue) -> [ShapeProblem] {
        guard let kind = object["kind"]?.stringValue.flatMap(WorkloadKind.init(rawValue:)) else { return [] }
        let specPath = kind.templatePath.key("spec")
        guard let spec = object[specPath], case .object = spec else {
            return [ShapeProblem(path: specPath, message: object[specPath] == nil ? "is required" : "must be an object")]
        }
        var problems: [ShapeProblem] = []
        for role in ContainerRole.allCases {
            let path = specPath.key(role.rawValue)
            guard let list = spec[role.rawValue] else {
                if role == .regular { problems.append(ShapeProblem(path: path, message: "is required")) }
                continue
            }
            guard let containers = list.arrayValue else {
                problems.append(ShapeProblem(path: path, message: "must be a list of containers, not \(list.typeName)"))
                continue
            }
            if role == .regular && containers.isEmpty { problems.append(ShapeProblem(path: path, message: "must not be empty")) }
            for (index, container) in containers.enumerated() {
                guard case .object = container else {
                    problems.append(ShapeProblem(path: path.index(index), message: "must be a container (an object), not \(container.typeName)"))
                    continue
                }
                if (container["name"]?.stringValue ?? "").isEmpty {
                    problems.append(ShapeProblem(path: path.index(index).key("name"), message: "is required"))
                }
            }
        }
        return problems
    }
}
