import Checklist
import Foundation

/// `audit`'s report written to standard output as objects are judged, so the report is never
/// held whole: tables and JSON go out object by object; JUnit and SARIF, whose heading needs
/// every object first (`ReportWriter.headingNeedsTotals`), and any format under
/// `--strict-input` (which prints nothing when it refuses the input), have their objects
/// spooled (`Spool`: memory, then an unlinked temporary file), copied out after the heading at
/// the end. What the report places after later input is spooled the same way as it comes:
/// objects written after all the others (Microservices) and the skipped list.
final class ReportOutput {
    private var writer: ReportWriter
    /// The objects' spool, or nil when objects go straight to standard output.
    private let objects: Spool?
    private let laterObjects = Spool(prefix: "shipshape-report")
    private let skipped = Spool(prefix: "shipshape-report")
    private var buffer: [UInt8] = []

    /// Bytes gathered before each write to standard output.
    private static let bufferSize = 1 << 20

    init(format: ReportFormat, color: Bool, holdingEverything: Bool) {
        writer = ReportWriter(format: format, color: color)
        guard holdingEverything || writer.headingNeedsTotals else {
            objects = nil
            emit(writer.heading(AuditResult(reports: []), sources: { _ in nil }).before)
            return
        }
        objects = Spool(prefix: "shipshape-report")
    }

    /// What the objects written so far add up to.
    var totals: ReportTotals { writer.totals }

    /// Writes (or spools) one judged object.
    func object(_ report: ObjectReport, sources: @escaping SourceLookup) {
        let text = writer.object(report, sources: sources)
        if let objects { objects.append(text) } else { emit(text) }
    }

    /// Spools one judged object to be written after every object given to `object(_:sources:)`.
    func laterObject(_ report: ObjectReport, sources: @escaping SourceLookup) {
        laterObjects.append(writer.laterObject(report, sources: sources))
    }

    /// Spools one object not judged for the skipped list.
    func skipped(_ object: SkippedObject, sources: @escaping SourceLookup) {
        skipped.append(writer.skipped(object, sources: sources))
    }

    /// Writes what is left: the heading and the spooled objects where they were held, the
    /// later objects, then the invalid inputs, skipped objects and summary. Throws when a spool
    /// could not be written or read back (exit 3), having written nothing more of the report
    /// (nothing at all where the objects were spooled).
    func finish(_ unjudged: AuditResult, sources: @escaping SourceLookup) throws(CLIError) {
        for spool in [objects, laterObjects, skipped] as [Spool?] { try spool?.check() }
        if let objects {
            let heading = writer.heading(unjudged, sources: sources)
            try write(heading)
            try objects.copy(to: STDOUT_FILENO)
        } else {
            flush()
        }
        try laterObjects.copy(to: STDOUT_FILENO, dropping: writer.laterSeparatorExcess)
        try write(writer.ending(unjudged, sources: sources))
    }

    /// Writes `part` with the skipped list's entries in their place, if it is in this part.
    private func write(_ part: ReportPart) throws(CLIError) {
        write(part.before)
        guard let after = part.afterSkipped else { return }
        try skipped.copy(to: STDOUT_FILENO)
        write(after)
    }

    /// Adds `text` to the buffer, writing it out to standard output when full.
    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        _ = buffer.withUnsafeBytes { TemporaryFile.writeAll($0, to: STDOUT_FILENO) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ text: String) {
        var text = text
        _ = text.withUTF8 { TemporaryFile.writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
    }
}
