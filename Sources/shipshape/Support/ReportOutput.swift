import Checklist
import Foundation

/// `audit`'s report written to standard output as objects are judged, so the report is never
/// held whole: tables and JSON go out object by object; JUnit and SARIF, whose heading needs
/// every object first (`ReportWriter.headingNeedsTotals`), and any format under
/// `--strict-input` (which prints nothing when it refuses the input), have their objects
/// spooled to an unlinked temporary file, copied out after the heading at the end.
final class ReportOutput {
    private var writer: ReportWriter
    /// The spool's descriptor, or nil when objects go straight to standard output.
    private let spool: Int32?
    private var buffer: [UInt8] = []
    private var spoolFailure: String?

    /// Bytes gathered before each write.
    private static let bufferSize = 1 << 20

    init(format: ReportFormat, color: Bool, holdingEverything: Bool) throws(CLIError) {
        writer = ReportWriter(format: format, color: color)
        guard holdingEverything || writer.headingNeedsTotals else {
            spool = nil
            emit(writer.heading(AuditResult(reports: []), sources: { _ in nil }))
            return
        }
        switch TemporaryFile.openUnlinked(prefix: "shipshape-report") {
        case .success(let descriptor): spool = descriptor
        case .failure(let error): throw CLIError.failure(["cannot make a temporary file for the report: \(error.reason)"])
        }
    }

    deinit {
        if let spool { close(spool) }
    }

    /// What the objects written so far add up to.
    var totals: ReportTotals { writer.totals }

    /// Writes (or spools) one judged object.
    func object(_ report: ObjectReport, sources: @escaping SourceLookup) {
        emit(writer.object(report, sources: sources))
    }

    /// Writes what is left: the heading and the spooled objects where they were held, then the
    /// invalid inputs, skipped objects and summary. Throws when the spool could not be written
    /// or read back (exit 3), having written nothing of the report.
    func finish(_ unjudged: AuditResult, sources: @escaping SourceLookup) throws(CLIError) {
        let ending = writer.ending(unjudged, sources: sources)
        guard let spool else {
            emit(ending)
            flush(to: STDOUT_FILENO)
            return
        }
        flush(to: spool)
        if let spoolFailure { throw CLIError.failure(["cannot write the report's temporary file: \(spoolFailure)"]) }
        guard lseek(spool, 0, SEEK_SET) == 0 else {
            throw CLIError.failure(["cannot read the report's temporary file: \(String(cString: strerror(errno)))"])
        }
        write(writer.heading(unjudged, sources: sources), to: STDOUT_FILENO)
        var block = [UInt8](repeating: 0, count: Self.bufferSize)
        while true {
            let count = block.withUnsafeMutableBytes { read(spool, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if count < 0 { throw CLIError.failure(["cannot read the report's temporary file: \(String(cString: strerror(errno)))"]) }
                break
            }
            _ = block.withUnsafeBytes { TemporaryFile.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: STDOUT_FILENO) }
        }
        write(ending, to: STDOUT_FILENO)
    }

    /// Adds `text` to the buffer, writing it out (to the spool or standard output) when full.
    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.bufferSize { flush(to: spool ?? STDOUT_FILENO) }
    }

    private func flush(to descriptor: Int32) {
        let written = buffer.withUnsafeBytes { TemporaryFile.writeAll($0, to: descriptor) }
        if !written, descriptor != STDOUT_FILENO, spoolFailure == nil { spoolFailure = String(cString: strerror(errno)) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ text: String, to descriptor: Int32) {
        var text = text
        _ = text.withUTF8 { TemporaryFile.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }
}
