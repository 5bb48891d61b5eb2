import KubeModel

/// Where an object was read from, so reports can name `file:line`. `SourceOrigin` conforms;
/// tests can supply their own.
public protocol SourceLocating {
    /// The file as the user named it (`-` for standard input).
    var file: String { get }
    /// The document's position in the file, from 1; 0 where there are no documents (an
    /// object read from a cluster).
    var document: Int { get }
    /// The line of a field of the object (or of its nearest ancestor), if known.
    func line(of path: FieldPath) -> Int?
}

extension SourceOrigin: SourceLocating {}

/// Finds the source of an object of a result, typically by `ObjectRef.inputIndex`.
public typealias SourceLookup = (ObjectRef) -> (any SourceLocating)?

/// The output formats of `shipshape audit`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, json, sarif, junit
}

extension AuditResult {
    /// The result in `format`. `color` (ANSI) applies to the table only. The text a
    /// `ReportWriter` writes for the same objects, in one piece.
    public func formatted(as format: ReportFormat, sources: @escaping SourceLookup = { _ in nil }, color: Bool = false) -> String {
        var writer = ReportWriter(format: format, color: color)
        var objects = ""
        for report in reports { objects += writer.object(report, sources: sources) }
        var skipped = ""
        for object in self.skipped { skipped += writer.skipped(object, sources: sources) }
        let unjudged = self.unjudged
        return writer.heading(unjudged, sources: sources).text(skipped: skipped) + objects
            + writer.ending(unjudged, sources: sources).text(skipped: skipped)
    }
}

/// A resolved position: a file and, where known, a line.
struct SourcePosition: Hashable {
    let file: String
    let document: Int
    let line: Int?

    /// `file:line`, or `file (document N)` where no line is known, or `file` alone.
    var description: String {
        if let line { return "\(file):\(line)" }
        return document > 0 ? "\(file) (document \(document))" : file
    }
}

extension AuditResult {
    /// Where a finding's field is written.
    static func position(of finding: Finding, in sources: SourceLookup) -> SourcePosition? {
        position(of: finding.pathObject, at: finding.path, in: sources)
    }

    /// Where an object (or one of its fields) is written.
    static func position(of object: ObjectRef, at path: FieldPath = .root, in sources: SourceLookup) -> SourcePosition? {
        sources(object).map { SourcePosition(file: $0.file, document: $0.document, line: $0.line(of: path)) }
    }
}

extension ObjectReport {
    /// Failed and exempted findings, in catalogue order.
    var allFindings: [Finding] { results.flatMap(\.findings) }
    /// How many failed findings have this severity.
    func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
