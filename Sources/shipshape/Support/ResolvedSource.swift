import Checklist
import KubeModel

/// Where an object was read from, reduced to the lines a report asks for (the object's own and
/// its findings' fields), so a judged document's line tree need not be held until the report.
struct ResolvedSource: SourceLocating {
    let file: String
    let document: Int
    private let objectLine: Int?
    private let lines: [FieldPath: Int]

    init(_ origin: SourceOrigin, paths: [FieldPath] = []) {
        file = origin.file
        document = origin.document
        objectLine = origin.line(of: .root)
        var lines: [FieldPath: Int] = [:]
        for path in paths where !path.components.isEmpty { lines[path] = origin.line(of: path) }
        self.lines = lines
    }

    /// Resolves the lines of `report`'s object and of each of its findings on that object.
    init(_ origin: SourceOrigin, for report: ObjectReport) {
        let paths = report.results.flatMap(\.findings).filter { $0.relatedObject == nil }.map(\.path)
        self.init(origin, paths: paths)
    }

    func line(of path: FieldPath) -> Int? { lines[path] ?? objectLine }
}
